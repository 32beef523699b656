import Testing
@testable import SheafKit

@Suite struct VolumeNamingTests {
    static func date(_ text: String) -> ArticleDate {
        (try? DateWindow.date(text)) ?? ArticleDate(dayNumber: 0)
    }

    /// One article a day from `first` for `days` days, in channel 73.
    static func daily(from first: String, days: Int) -> [ArticleHeader] {
        let start = date(first).dayNumber
        return (0..<days).map { offset in
            let day = ArticleDate(dayNumber: start + offset)
            return ArticleHeader(id: String(offset + 1), channel: "73", title: "文章\(offset + 1)", date: day,
                                 source: "http://example.org/73/\(offset + 1).html", site: nil,
                                 files: ["c/pages/73/\(offset + 1).md"])
        }
    }

    static func volumes(_ headers: [ArticleHeader], _ grouping: Grouping, window: DateWindow = DateWindow(),
                        title: String? = nil, fileName: String? = nil, language: String? = "en") -> [Volume] {
        let options = CollectorOptions(grouping: grouping, collection: "mh-news", title: title, language: language,
                                       window: window, fileNamePattern: fileName)
        return VolumeCollector(options: options).collect(headers).volumes
    }

    // MARK: - One article

    @Test func aBookOfOneArticleGivenAsOneFileIsTitledAfterItAndNamesItsAuthors() {
        var page = ArticleHeader(id: "river", channel: "saved", title: "River rises overnight", date: Self.date("2021-01-18"),
                                 source: nil, site: nil, files: ["saved/river.html"])
        page.authors = ["Ann Lee", "Bo Chen"]
        let options = CollectorOptions(grouping: .week, collection: "river", language: "en")
        let volume = VolumeCollector(options: options).collect([page]).volumes
        #expect(volume.map(\.title) == ["River rises overnight"])
        #expect(volume.first.map(BookAssembler.creator(of:)) == "Ann Lee, Bo Chen")
        // Of a folder (the collection named otherwise), the book keeps the collection's name; a --title wins.
        #expect(Self.volumes([page], .week).map(\.title) == ["mh-news 2021-W03"])
        let titled = CollectorOptions(grouping: .week, collection: "river", title: "Mine", language: "en")
        #expect(VolumeCollector(options: titled).collect([page]).volumes.map(\.title) == ["Mine 2021-W03"])
        // Without authors (or with blank ones only), or with several articles, the collection is the creator.
        page.authors = [" "]
        #expect(VolumeCollector(options: options).collect([page]).volumes.first.map(BookAssembler.creator(of:)) == "river")
        #expect(Self.volumes(Self.daily(from: "2021-01-18", days: 2), .all).first.map(BookAssembler.creator(of:)) == "mh-news")
    }

    @Test func anUndatedArticleIsToldWhereItsDateWasLookedFor() {
        var page = ArticleHeader(id: "p", channel: "saved", title: "A page", date: nil, source: nil, site: nil,
                                 files: ["saved/p.html"])
        page.format = "webpage"
        let notes = VolumeCollector(options: CollectorOptions(grouping: .week, collection: "saved", language: "en"))
            .collect([page]).notes
        #expect(notes.map(\.message) == ["no date in the page's metadata, its time elements or its address; put in saved-undated.epub"])
        page.format = "mirror"
        #expect(VolumeCollector.undatedReason(of: page) == "no date in the dateline or the source URL")
    }

    // MARK: - Windowed digests

    @Test func aWindowedDigestIsNamedAndTitledByItsWindow() {
        let window = DateWindow(since: Self.date("2021-01-01"), until: Self.date("2021-01-31"))
        let digest = Self.volumes(Self.daily(from: "2020-12-25", days: 40), .all, window: window)
        #expect(digest.map(\.fileName) == ["mh-news-2021-01-01--2021-01-31.epub"])
        #expect(digest.map(\.title) == ["mh-news · 2021-01-01 – 2021-01-31"])
        #expect(digest.map(\.key) == ["2021-01-01--2021-01-31"])
        // Next week's digest is another book, not a replacement of this one.
        let next = DateWindow(since: Self.date("2021-01-08"), until: Self.date("2021-01-14"))
        #expect(Self.volumes(Self.daily(from: "2020-12-25", days: 40), .all, window: next).map(\.fileName)
            == ["mh-news-2021-01-08--2021-01-14.epub"])
    }

    @Test func anOpenSideOfTheWindowIsTheArticlesFirstOrLastDate() {
        let headers = Self.daily(from: "2021-01-01", days: 10)
        let since = Self.volumes(headers, .all, window: DateWindow(since: Self.date("2020-12-30")), title: "Digest")
        #expect(since.map(\.fileName) == ["mh-news-2020-12-30--2021-01-10.epub"])
        #expect(since.map(\.title) == ["Digest · 2020-12-30 – 2021-01-10"])
        let until = Self.volumes(headers, .all, window: DateWindow(until: Self.date("2021-01-05")))
        #expect(until.map(\.fileName) == ["mh-news-2021-01-01--2021-01-05.epub"])
    }

    @Test func windowAndArticleDatesArePlaceholdersInTitlesAndFileNames() {
        let window = DateWindow(since: Self.date("2021-01-01"), until: Self.date("2021-01-31"))
        let volume = Self.volumes(Self.daily(from: "2021-01-03", days: 5), .all, window: window,
                                  title: "{collection} {first} to {last}", fileName: "{since}_{until}_{key}.epub")
        #expect(volume.map(\.title) == ["mh-news 2021-01-03 to 2021-01-07"])
        #expect(volume.map(\.fileName) == ["2021-01-01_2021-01-31_2021-01-01--2021-01-31.epub"])
        // Without a window `{since}` and `{until}` are the articles' first and last dates.
        let weekly = Self.volumes(Self.daily(from: "2021-01-18", days: 3), .week, fileName: "w-{since}-{until}")
        #expect(weekly.map(\.fileName) == ["w-2021-01-18-2021-01-20.epub"])
    }

    @Test func theKnownPlaceholdersAreListedInOnePlace() {
        #expect(VolumeNaming.placeholders == ["collection", "key", "subtitle", "since", "until", "first", "last"])
    }

    @Test func anUnwindowedAllBookKeepsItsPlainName() {
        let all = Self.volumes(Self.daily(from: "2021-01-01", days: 3), .all)
        #expect(all.map(\.fileName) == ["mh-news.epub"] && all.map(\.title) == ["mh-news"])
    }

    // MARK: - Sections

    @Test func aMonthLongDigestHasASectionPerDay() {
        let window = DateWindow(since: Self.date("2021-01-01"), until: Self.date("2021-01-31"))
        let digest = Self.volumes(Self.daily(from: "2021-01-01", days: 31), .all, window: window)
        #expect(digest.first?.sections.count == 31)
        #expect(digest.first?.sections.first?.title == "Friday, 1 January")
        let channel = Self.volumes(Self.daily(from: "2021-01-28", days: 5), .channel, language: "zh")
        #expect(channel.first?.sections.map(\.title)
            == ["1月28日 星期四", "1月29日 星期五", "1月30日 星期六", "1月31日 星期日", "2月1日 星期一"])
    }

    @Test func aVolumeOverAMonthHasASectionPerMonth() {
        let all = Self.volumes(Self.daily(from: "2021-01-10", days: 40), .all)
        #expect(all.first?.sections.map(\.title) == ["January 2021", "February 2021"])
        #expect(all.first?.sections.map(\.articles.count) == [22, 18])
    }

    @Test func dayAndIndexVolumesStayUnsectioned() {
        let days = Self.volumes(Self.daily(from: "2021-01-10", days: 2), .day)
        #expect(days.map { $0.sections.map(\.title) } == [[nil], [nil]])
    }
}
