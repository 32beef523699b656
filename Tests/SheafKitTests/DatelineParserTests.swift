import Testing
@testable import SheafKit

@Suite struct DatelineParserTests {
    func date(_ y: Int, _ m: Int, _ d: Int) -> ArticleDate? { ArticleDate(year: y, month: m, day: d) }

    // MARK: - Datelines

    @Test(arguments: [
        ("【明慧网二零二零年六月二十日】一名儿童", "明慧网", 2020, 6, 20),
        ("【明慧网2000年8月5日】", "明慧网", 2000, 8, 5),
        ("【看中国2020年11月3日讯】随着AI", "看中国", 2020, 11, 3),
        ("【大纪元2020年03月08日讯】（大纪元记者报导）", "大纪元", 2020, 3, 8),
        ("【明慧网一九九九年十二月三十一日】", "明慧网", 1999, 12, 31),
        ("【明慧网二零零零年一月十日】", "明慧网", 2000, 1, 10),
        ("【明慧网二〇一八年五月十一日】", "明慧网", 2018, 5, 11),
        ("图片说明文字【特稿】【新唐人2021年1月18日电】", "新唐人", 2021, 1, 18),
    ])
    func readsDatelines(text: String, site: String, y: Int, m: Int, d: Int) throws {
        let found = try #require(DatelineParser.dateline(inText: text))
        #expect(found.site == site)
        #expect(found.date == date(y, m, d))
    }

    @Test func readsADatelineWithoutSite() throws {
        let found = try #require(DatelineParser.dateline(inText: "【2020年3月8日】"))
        #expect(found.site == nil)
        #expect(found.date == date(2020, 3, 8))
    }

    @Test func keepsAYearlessDatelineUndatedOnItsOwn() throws {
        let found = try #require(DatelineParser.dateline(inText: "【明慧网六月二十日】"))
        #expect(found.site == "明慧网")
        #expect(found.date == nil)
        let parts = try #require(DatelineParser.firstDateline(inText: "【明慧网六月二十日】"))
        #expect(parts == .init(site: "明慧网", year: nil, month: 6, day: 20))
    }

    @Test func takesAYearlessDatelinesYearFromTheURLDate() {
        let june = DatelineParser.Dateline(site: nil, year: nil, month: 6, day: 20)
        #expect(DatelineParser.date(of: june, near: date(2020, 6, 21)) == date(2020, 6, 20))
        let newYearsEve = DatelineParser.Dateline(site: nil, year: nil, month: 12, day: 31)
        #expect(DatelineParser.date(of: newYearsEve, near: date(2021, 1, 1)) == date(2020, 12, 31))
        #expect(DatelineParser.date(of: june, near: nil) == nil)
        let leapDay = DatelineParser.Dateline(site: nil, year: nil, month: 2, day: 29)
        #expect(DatelineParser.date(of: leapDay, near: date(2021, 3, 1)) == date(2020, 2, 29))
    }

    @Test func refusesImpossibleDates() throws {
        let found = try #require(DatelineParser.dateline(inText: "【明慧网2021年2月30日】"))
        #expect(found.site == "明慧网")
        #expect(found.date == nil)
        #expect(DatelineParser.dateline(inText: "【明慧网2021年13月1日】")?.date == nil)
    }

    @Test(arguments: [
        "没有日期的文字",
        "【特稿】【999评论】【预告】",
        "【明慧网】二零二零年六月二十日",
        "【明慧网二零二零年六月二十日",
        "【明慧网202年6月20日】",
        "【文章" + String(repeating: "很长", count: 30) + "2020年6月20日】",
    ])
    func findsNoDatelineWhereThereIsNone(text: String) {
        #expect(DatelineParser.dateline(inText: text)?.date == nil)
    }

    @Test func looksOnlyAtTheOpeningOfTheText() {
        let late = String(repeating: "字", count: DatelineParser.searchLimit) + "【明慧网2020年6月20日】"
        #expect(DatelineParser.dateline(inText: late) == nil)
    }

    // MARK: - URLs

    @Test(arguments: [
        ("https://www.secretchina.com/news/gb/2020/11/03/951211.html", 2020, 11, 3),
        ("https://www.epochtimes.com/gb/20/3/8/n11924364.htm", 2020, 3, 8),
        ("http://www.minghui.org/mh/articles/2020/6/20/苏共与中共-相似的谎言-407787.html", 2020, 6, 20),
        ("http://www.minghui.org/mh/articles/1999/12/31/", 1999, 12, 31),
        ("/mh/articles/2021/2/21/421138.html", 2021, 2, 21),
        ("https://example.org/2020/11/03", 2020, 11, 3),
    ])
    func readsURLDates(url: String, y: Int, m: Int, d: Int) {
        #expect(DatelineParser.date(inURL: url) == date(y, m, d))
    }

    @Test(arguments: [
        "https://github.com/gfw-breaker/mh-news/blob/master/pages/73/407787.md",
        "http://141.164.56.106:10000/videos/88/",
        "https://example.org/2021/2/30/x.html",
        "https://example.org/news/2020/11/",
        "https://example.org/a?date=2020/11/03",
        "",
    ])
    func findsNoDateInOtherURLs(url: String) {
        #expect(DatelineParser.date(inURL: url) == nil)
    }

    @Test func prefersAFourDigitYear() {
        #expect(DatelineParser.date(inURL: "https://x.org/gb/20/3/8/2019/1/2/") == date(2019, 1, 2))
    }
}
