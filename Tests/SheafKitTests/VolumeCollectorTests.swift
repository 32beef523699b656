import Testing
@testable import SheafKit

@Suite struct VolumeCollectorTests {
    static func article(_ id: String, channel: String = "73", title: String? = nil, date: String?,
                        source: String? = nil) -> ArticleHeader {
        let parsed = date.map { text -> ArticleDate in
            let parts = text.split(separator: "-").compactMap { Int($0) }
            return ArticleDate(year: parts[0], month: parts[1], day: parts[2])!
        }
        return ArticleHeader(id: id, channel: channel, title: title ?? "文章\(id)", date: parsed,
                             source: source ?? "http://example.org/\(channel)/\(id).html", site: nil,
                             files: ["c/pages/\(channel)/\(id).md"])
    }

    func collect(_ headers: [ArticleHeader], _ grouping: Grouping, language: String? = nil)
        -> VolumeCollector.Collection {
        VolumeCollector(options: CollectorOptions(grouping: grouping, collection: "mh-news", language: language))
            .collect(headers)
    }

    @Test func groupsByISOWeekWithDaySections() {
        let result = collect([
            Self.article("3", date: "2021-01-24"),   // Sunday of W03
            Self.article("1", date: "2021-01-18"),   // Monday of W03
            Self.article("2", date: "2021-01-17"),   // Sunday of W02
            Self.article("4", date: "2021-01-18"),
        ], .week)
        #expect(result.volumes.map(\.fileName) == ["mh-news-2021-W02.epub", "mh-news-2021-W03.epub"])
        #expect(result.volumes.map(\.title) == ["mh-news 2021-W02", "mh-news 2021-W03"])
        let w3 = result.volumes[1]
        #expect(w3.articles.map(\.id) == ["1", "4", "3"])
        #expect(w3.sections.map(\.title) == ["1月18日 星期一", "1月24日 星期日"])
        #expect(w3.subtitle == "2021年第3周")
        #expect(w3.language == "zh")
    }

    @Test func weekOfNewYearBelongsToISOYear() {
        let result = collect([Self.article("1", date: "2021-01-03")], .week)
        #expect(result.volumes.map(\.key) == ["2020-W53"])
    }

    @Test func groupsByMonthDayChannelAndAll() {
        let headers = [
            Self.article("10", channel: "73", date: "2021-02-01"),
            Self.article("9", channel: "251", date: "2021-01-31"),
            Self.article("8", channel: "73", date: "2021-01-31"),
        ]
        #expect(collect(headers, .month).volumes.map(\.fileName) == ["mh-news-2021-01.epub", "mh-news-2021-02.epub"])
        #expect(collect(headers, .day).volumes.map(\.key) == ["2021-01-31", "2021-02-01"])
        #expect(collect(headers, .day).volumes[0].sections.map(\.title) == [nil])
        let channels = collect(headers, .channel).volumes
        #expect(channels.map(\.fileName) == ["mh-news-channel-73.epub", "mh-news-channel-251.epub"])
        // Two days apart: a section per day (over 31 days, per month: see VolumeNamingTests).
        #expect(channels[0].sections.map(\.title) == ["1月31日 星期日", "2月1日 星期一"])
        let all = collect(headers, .all).volumes
        #expect(all.map(\.fileName) == ["mh-news.epub"])
        #expect(all[0].articles.map(\.id) == ["8", "9", "10"])
    }

    @Test func sortsByDateThenNumericID() {
        let result = collect([
            Self.article("1000", date: "2021-01-18"),
            Self.article("999", date: "2021-01-18"),
            Self.article("5", date: "2021-01-19"),
        ], .week)
        #expect(result.volumes[0].articles.map(\.id) == ["999", "1000", "5"])
    }

    @Test func undatedArticlesGetTheirOwnVolumeAndAreReported() {
        let result = collect([Self.article("1", date: nil), Self.article("2", date: "2021-01-18")], .week)
        #expect(result.volumes.map(\.fileName) == ["mh-news-2021-W03.epub", "mh-news-undated.epub"])
        #expect(result.volumes[1].title == "mh-news undated")
        #expect(result.notes.contains { $0.severity == .warning && $0.file == "c/pages/73/1.md" })
        let channels = collect([Self.article("1", date: nil), Self.article("2", date: "2021-01-18")], .channel)
        #expect(channels.volumes[0].sections.map(\.title) == ["1月18日 星期一", "日期不详"])
    }

    @Test func sameSourceURLIsPackagedOnce() {
        let a = Self.article("7", channel: "19", date: "2021-01-18", source: "http://x.org/a/7.html")
        let b = Self.article("7", channel: "73", date: "2021-01-18", source: "https://x.org/a/7.html/")
        let result = collect([b, a], .week)
        #expect(result.volumes[0].articles.count == 1)
        #expect(result.volumes[0].articles[0].files == ["c/pages/19/7.md", "c/pages/73/7.md"])
        #expect(result.volumes[0].articles[0].channel == "19")
    }

    @Test func sameIDAndTitleIsPackagedOnceButSameIDAloneIsNot() {
        let a = Self.article("7", channel: "19", title: "甲", date: "2021-01-18", source: "http://x/1")
        let b = Self.article("7", channel: "73", title: "甲", date: "2021-01-18", source: "http://x/2")
        let c = Self.article("7", channel: "81", title: "乙", date: "2021-01-18", source: "http://x/3")
        let result = collect([a, b, c], .all)
        #expect(result.volumes[0].articles.map(\.channel) == ["19", "81"])
        #expect(result.notes.contains { $0.file == "c/pages/81/7.md" && $0.message.contains("separate") })
    }

    @Test func inputOrderDoesNotMatter() {
        let headers = (1...20).map { Self.article(String($0), channel: String($0 % 3), date: "2021-01-\(10 + $0 % 7)") }
        #expect(collect(headers, .week) == collect(headers.reversed(), .week))
    }

    @Test func fileOrderTakesPathsInByteOrderWithoutSortingWhatIsSortedAlready() {
        let header = { (file: String) in
            ArticleHeader(id: "1", channel: "c", title: "t", date: nil, source: nil, site: nil, files: [file])
        }
        let sorted = PackedList(["a/1.md", "a/1.md", "a/2.md", "b/1.md", "é/1.md"].map(header))
        #expect(VolumeCollector.fileOrder(of: sorted) == [0, 1, 2, 3, 4])
        let unsorted = PackedList(["b/1.md", "é/1.md", "a/2.md", "a/1.md", "a/1.md"].map(header))
        #expect(VolumeCollector.fileOrder(of: unsorted) == [3, 4, 2, 0, 1])
    }

    @Test func titlesAndLanguageFollowOptions() {
        let options = CollectorOptions(grouping: .week, collection: "mh-news", title: "Weekly", language: "en")
        let result = VolumeCollector(options: options).collect([Self.article("1", date: "2021-01-18")])
        #expect(result.volumes[0].title == "Weekly 2021-W03")
        #expect(result.volumes[0].fileName == "mh-news-2021-W03.epub")
        #expect(result.volumes[0].sections[0].title == "Monday, 18 January")
        #expect(LanguageGuess.language(ofTitles: ["Hello world"]) == "en")
    }

    @Test func fileNamesAreASCII() {
        #expect(FileNameSlug.slug("mh-news", fallback: "sheaf") == "mh-news")
        #expect(FileNameSlug.slug("我的 收藏", fallback: "sheaf") == "sheaf")
        let channel = FileNameSlug.slug("S看大陆", fallback: nil)
        #expect(channel.hasPrefix("S-") && channel.count == 10)
        #expect(channel.utf8.allSatisfy { $0 < 0x80 })
        #expect(FileNameSlug.slug("../etc/passwd", fallback: nil) == "etc-passwd")
    }

    @Test func limitsSplitAVolumeIntoNamedParts() {
        let headers = (1...5).map { Self.article(String($0), date: "2021-01-18") }
        let options = CollectorOptions(grouping: .week, collection: "mh-news",
                                       limits: VolumeLimits(maxArticles: 2))
        let volumes = VolumeCollector(options: options).collect(headers).volumes
        #expect(volumes.map(\.fileName) == ["mh-news-2021-W03-part1.epub", "mh-news-2021-W03-part2.epub",
                                            "mh-news-2021-W03-part3.epub"])
        #expect(volumes.map(\.title) == ["mh-news 2021-W03 (Part 1 of 3)", "mh-news 2021-W03 (Part 2 of 3)",
                                         "mh-news 2021-W03 (Part 3 of 3)"])
        #expect(volumes.flatMap(\.articles).map(\.id) == ["1", "2", "3", "4", "5"])
    }

    @Test func timeWindowExcludesWithAReason() {
        let window = DateWindow(since: ArticleDate(year: 2021, month: 1, day: 18))
        let options = CollectorOptions(grouping: .week, collection: "mh-news", window: window)
        let result = VolumeCollector(options: options).collect([
            Self.article("1", date: "2021-01-17"), Self.article("2", date: "2021-01-18"), Self.article("3", date: nil),
        ])
        #expect(result.volumes.flatMap(\.articles).map(\.id) == ["2"])
        #expect(result.excluded.map(\.file) == ["c/pages/73/1.md", "c/pages/73/3.md"])
        #expect(result.excluded[0].message.contains("2021-01-17"))
        #expect(result.excluded[1].message == "outside the time window 2021-01-18 to …: undated")
        // The same reason before the colon, so the summary counts both files under it.
        #expect(Set(result.excluded.map { Exclusion.kind(of: $0.message) }) == ["outside the time window 2021-01-18 to …"])
    }

    @Test func weeksMayStartOnAnotherDay() {
        let options = CollectorOptions(grouping: .week, collection: "mh-news", language: "en", weekStart: 6)
        let volumes = VolumeCollector(options: options).collect([
            Self.article("1", date: "2021-01-15"),  // Friday: the week that began Saturday 9 January
            Self.article("2", date: "2021-01-16"),  // Saturday: a new week
            Self.article("3", date: "2021-01-22"),
        ]).volumes
        #expect(volumes.map(\.fileName) == ["mh-news-week-2021-01-09.epub", "mh-news-week-2021-01-16.epub"])
        #expect(volumes[1].articles.map(\.id) == ["2", "3"])
        #expect(volumes[1].subtitle == "Week of 2021-01-16")
    }

    @Test func indexVolumesFollowTheIndexOrderAndReportWhatIsMissing() {
        let headers = [Self.article("1", date: "2021-01-18"), Self.article("2", date: "2021-01-19"),
                       Self.article("3", date: "2021-01-20")]
        let listing = IndexListing(name: "73", title: "天人之间", file: "c/indexes/73.md", entries: [
            .init(title: "b", channel: "73", id: "2"), .init(title: "x", channel: "73", id: "9", page: "pages/73/9.md"),
            .init(title: "a", channel: "73", id: "1"),
        ])
        let empty = IndexListing(name: "80", title: nil, file: "c/indexes/80.md", entries: [])
        let options = CollectorOptions(grouping: .index, collection: "mh-news")
        let result = VolumeCollector(options: options).collect(headers, indexes: [listing, empty])
        #expect(result.volumes.map(\.fileName) == ["mh-news-index-73.epub"])
        #expect(result.volumes[0].title == "mh-news 天人之间")
        #expect(result.volumes[0].articles.map(\.id) == ["2", "1"])
        #expect(result.notes.contains { $0.file == "c/indexes/73.md" && $0.message.contains("pages/73/9.md") })
        #expect(result.notes.contains { $0.file == "c/indexes/80.md" })
        #expect(result.excluded.map(\.file) == ["c/pages/73/3.md"])
    }

    @Test func aLongBookTitleIsCutLikeAnArticleTitleWithANote() {
        let title = String(repeating: "长", count: 400)
        let options = CollectorOptions(grouping: .all, collection: "mh-news", title: title)
        let result = VolumeCollector(options: options).collect([Self.article("1", date: "2021-01-18")])
        #expect(result.volumes[0].title == String(repeating: "长", count: 300))
        #expect(result.notes.contains { $0.message == "book title of 400 characters cut to 300" })
    }

    @Test func indexLinksToPagesOutsideTheInputAreNotMissingAndMissingOnesAreCountedOnce() {
        let headers = [Self.article("1", date: "2021-01-18")]
        let listing = IndexListing(name: "73", title: nil, file: "c/indexes/73.md", entries: [
            .init(title: "a", channel: "73", id: "1"), .init(title: "on disk", channel: "19", id: "5", onDisk: true),
            .init(title: "gone", channel: "73", id: "8", page: "pages/73/8.md"), .init(title: "gone too", channel: "73", id: "9"),
        ])
        let options = CollectorOptions(grouping: .index, collection: "mh-news")
        let result = VolumeCollector(options: options).collect(headers, indexes: [listing])
        #expect(result.volumes.map(\.articles.count) == [1])
        #expect(!result.notes.contains { $0.message.contains("pages/19/5.md") })
        // As the format names the page, or by channel and id.
        let missing = result.notes.filter { $0.message.contains("links to pages/73/8.md ") || $0.message.contains("links to 73/9 ") }
        #expect(missing.count == 2 && missing.allSatisfy { $0.severity == .note })
        let warnings = result.notes.filter { $0.severity == .warning }
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("2 links of index pages lead to pages not in the collection") == true)
    }
}
