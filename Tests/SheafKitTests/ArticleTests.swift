import Testing
@testable import SheafKit

@Suite struct ArticleTests {
    @Test func aHeadersNewFieldsSurvivePacking() {
        var header = ArticleHeader(id: "1", channel: "c", title: "t", date: nil, source: nil, site: "s", files: ["c/1.md"])
        header.authors = ["A", "B"]
        header.language = "zh-Hant"
        header.tags = ["x"]
        header.folder = "c"
        header.feed = "feed.xml"
        header.format = "mirror"
        header.entry = "e1"
        #expect(Array(PackedList([header])) == [header])
    }
}
