import Foundation
import Testing
@testable import SheafKit

@Suite struct WebPageFormatTests {
    @Test func pagesAreRecognisedByNameAndByTheirFirstBytes() {
        let format = WebPageFormat()
        #expect(format.recognises(name: "story.html", firstBytes: nil) == .articles)
        #expect(format.recognises(name: "Story.HTM", firstBytes: nil) == .articles)
        #expect(format.recognises(name: "notes.md", firstBytes: nil) == .unknown)
        #expect(format.recognises(name: "saved", firstBytes: Array("\u{FEFF}<!-- saved -->\n<!DOCTYPE html><html>".utf8)) == .articles)
        #expect(format.recognises(name: "saved", firstBytes: Array("# A heading".utf8)) == .unknown)
        #expect(format.skipsFolder(named: "Story_files"))
    }

    @Test func aSavedPageBecomesAnArticleWithItsMetadata() throws {
        let folder = NSTemporaryDirectory() + "sheaf-webpage-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let paragraph = "The river rose by two metres overnight, flooding the low streets of the old town, and the council opened the school hall."
        let html = """
        <!DOCTYPE html><html lang="en"><head><title>River rises overnight | Example News</title>
        <meta property="article:published_time" content="2019-11-18T08:00:00Z"/>
        <link rel="canonical" href="https://news.example.com/2019/11/river"/></head>
        <body><nav><a href="/">Home</a></nav><article><h1>River rises overnight</h1>
        \(Array(repeating: "<p>\(paragraph)</p>", count: 3).joined())</article></body></html>
        """
        let path = folder + "/river.html"
        try html.write(toFile: path, atomically: true, encoding: .utf8)
        let read = try WebPageFormat().read(path).get()
        #expect(read.article.header.title == "River rises overnight")
        #expect(read.article.header.date == ArticleDate(year: 2019, month: 11, day: 18))
        #expect(read.article.header.source == "https://news.example.com/2019/11/river")
        #expect(read.article.header.site == "news.example.com")
        #expect(read.article.header.language == "en")
        #expect(read.article.bodyHTML.contains(paragraph))
        #expect(!read.article.bodyHTML.contains("Home"))
        #expect(!read.article.bodyHTML.contains("<h1>"))
    }

    @Test func anEmptyPageIsSkippedWithItsReason() throws {
        let path = NSTemporaryDirectory() + "sheaf-empty-" + UUID().uuidString + ".html"
        try "".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard case .failure(let diagnostic) = WebPageFormat().read(path) else {
            Issue.record("an empty page was read")
            return
        }
        #expect(diagnostic.file == path)
        #expect(diagnostic.message.contains("empty"))
    }
}
