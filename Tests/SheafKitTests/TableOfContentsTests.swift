import Testing
@testable import SheafKit

@Suite struct TableOfContentsTests {
    static let files = ["text/c0001.xhtml", "text/c0002.xhtml", "text/c0003.xhtml"]

    @Test func sectionsNestTheirArticlesUnderTheirHeading() {
        let contents = TableOfContents.entries(of: SampleVolume.sectioned, firstFiles: Self.files)
        #expect(contents.map(\.title) == ["2021-01-18 星期一", "2021-01-19 星期二"])
        #expect(contents.map(\.href) == ["text/c0001.xhtml", "text/c0003.xhtml"])
        #expect(contents.map { $0.children.map(\.href) } == [Array(Self.files.prefix(2)), ["text/c0003.xhtml"]])
    }

    @Test func anUntitledSectionsArticlesStandAlone() {
        let contents = TableOfContents.entries(of: SampleVolume.flat, firstFiles: Array(Self.files.prefix(2)))
        #expect(contents.map(\.href) == Array(Self.files.prefix(2)) && contents.allSatisfy(\.children.isEmpty))
    }

    /// The book the build writes keeps the value its navigation and title pages were written from.
    @Test func theBookKeepsTheValueItsPagesWereWrittenFrom() throws {
        let book = try SampleVolume.book(SampleVolume.sectioned)
        #expect(book.tableOfContents == TableOfContents.entries(of: SampleVolume.sectioned, firstFiles: Self.files))
        let nav = String(decoding: book.resources[0].contents, as: UTF8.self)
        for entry in book.tableOfContents.flatMap({ [$0] + $0.children }) {
            #expect(nav.contains(entry.children.isEmpty ? #"<a href="\#(entry.href)">\#(entry.title)</a>"# : "<span>\(entry.title)</span>"))
        }
    }
}
