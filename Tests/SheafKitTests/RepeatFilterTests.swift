import Testing
@testable import SheafKit

@Suite struct RepeatFilterTests {
    static func header(_ id: String) -> ArticleHeader {
        ArticleHeader(id: id, channel: "73", title: "T\(id)", date: nil, source: "http://x.org/\(id).html", site: nil,
                      files: ["pages/73/\(id).md"])
    }

    static func volume(_ file: String, _ ids: [String]) -> Volume {
        Volume(key: file, title: file, subtitle: nil, collection: "c", fileName: file, language: "en",
               sections: [VolumeSection(title: nil, articles: ids.map(header))])
    }

    static func packaged(_ id: String, in book: String) -> (key: String, book: String) {
        (ArticleKey.key(for: header(id)), book)
    }

    @Test func articlesOfAnEarlierBookAreLeftOutWithItsName() {
        let result = RepeatFilter.apply([Self.volume("new.epub", ["1", "2"])], packaged: [Self.packaged("1", in: "old.epub")])
        #expect(result.volumes.map { $0.articles.map(\.id) } == [["2"]])
        #expect(result.excluded.map(\.file) == ["pages/73/1.md"])
        #expect(result.excluded.first?.message.contains("old.epub") == true)
    }

    @Test func aBookOfThisBuildKeepsItsArticles() {
        // The article moved between two parts both being made now: no repetition is possible.
        let volumes = [Self.volume("p1.epub", ["1"]), Self.volume("p2.epub", ["2"])]
        let result = RepeatFilter.apply(volumes, packaged: [Self.packaged("1", in: "p2.epub"), Self.packaged("2", in: "p2.epub")])
        #expect(result.volumes == volumes)
        #expect(result.excluded.isEmpty)
    }

    @Test func aVolumeLeftEmptyIsDropped() {
        let result = RepeatFilter.apply([Self.volume("new.epub", ["1"])], packaged: [Self.packaged("1", in: "old.epub")])
        #expect(result.volumes.isEmpty)
        #expect(result.excluded.count == 1)
    }

    @Test func articlesWithoutSourceAreKeyedByChannelAndID() {
        var header = Self.header("7")
        header.source = nil
        #expect(ArticleKey.key(for: header) == "73/7")
        #expect(ArticleKey.key(for: Self.header("7")) == "x.org/7.html")
    }
}
