import Testing
@testable import SheafKit

@Suite struct NCXDocumentTests {
    @Test func flatVolumeHasOnePointPerArticle() throws {
        let book = try SampleVolume.book(SampleVolume.flat)
        let ncx = try #require(ElementCollector.parse(NCXDocument.xml(for: book)))
        #expect(ncx.all("meta").first { $0.attributes["name"] == "dtb:uid" }?.attributes["content"] == book.metadata.identifier)
        #expect(ncx.all("meta").first { $0.attributes["name"] == "dtb:depth" }?.attributes["content"] == "1")
        #expect(ncx.all("navPoint").map { $0.attributes["playOrder"] ?? "" } == ["1", "2"])
        #expect(ncx.all("text").map(\.text) == ["mh-news 2021-W03", "大陆法轮功学员 & <朋友>", "\"Quoted\" title"])
        #expect(ncx.all("content").map { $0.attributes["src"] ?? "" } == ["text/c0001.xhtml", "text/c0002.xhtml"])
    }

    @Test func sectionsNestAndShareThePlayOrderOfTheirFirstArticle() throws {
        let book = try SampleVolume.book(SampleVolume.sectioned)
        let ncx = try #require(ElementCollector.parse(NCXDocument.xml(for: book)))
        #expect(ncx.all("meta").first { $0.attributes["name"] == "dtb:depth" }?.attributes["content"] == "2")
        #expect(ncx.all("text").dropFirst().map(\.text) == ["2021-01-18 星期一", "第一篇", "第二篇", "2021-01-19 星期二", "第三篇"])
        #expect(ncx.all("navPoint").map { $0.attributes["playOrder"] ?? "" } == ["1", "1", "2", "3", "3"])
        #expect(Set(ncx.all("navPoint").map { $0.attributes["id"] ?? "" }).count == 5)
    }

    @Test func sameEntriesAsTheNavigationDocument() throws {
        let book = try SampleVolume.book(SampleVolume.sectioned)
        let nav = try #require(book.resources.first { $0.id == "nav" })
        let navText = String(decoding: nav.contents, as: UTF8.self)
        let tocPart = navText.components(separatedBy: "landmarks")[0]
        let navLinks = try #require(ElementCollector.parse(navText)).all("a").map { $0.attributes["href"] ?? "" }
        let ncxLinks = try #require(ElementCollector.parse(NCXDocument.xml(for: book))).all("content")
            .map { $0.attributes["src"] ?? "" }
        // Article links in the nav's toc (landmarks follow them); the NCX adds the sections' own points.
        #expect(Array(navLinks.prefix(3)) == ["text/c0001.xhtml", "text/c0002.xhtml", "text/c0003.xhtml"])
        #expect(ncxLinks == ["text/c0001.xhtml", "text/c0001.xhtml", "text/c0002.xhtml", "text/c0003.xhtml", "text/c0003.xhtml"])
        #expect(tocPart.contains("<span>2021-01-18 星期一</span>"))
    }
}
