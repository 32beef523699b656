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

    /// `html` written as a page in a new folder, read by `format`.
    static func read(_ html: String, name: String = "page.html", format: WebPageFormat = WebPageFormat())
        throws -> Result<(article: Article, extracted: ArticleExtractor.Extracted), Diagnostic> {
        let folder = NSTemporaryDirectory() + "sheaf-webpage-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try html.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        return format.read(folder + "/" + name)
    }

    static let story = """
        <html><head><title>Harbour opens</title></head><body><nav><a href="/">Home</a></nav>
        <div class="story"><p>The new harbour opened on Monday after three years of work on its walls and quays.</p>
        <div class="promo-box">Subscribe to our letters, every morning, with the best of the news, for nothing.</div>
        <p>Fishing boats came in first, then the ferry, and the town watched from the old sea wall all afternoon.</p>
        <img src="quay.jpg" alt="The quay"></div><div class="comments"><p>First comment, a long one, about the harbour.</p></div>
        </body></html>
        """

    @Test func keepSelectorsChooseTheArticleAndRemoveSelectorsCutIt() throws {
        let rules = PageExtraction(all: .init(keep: [".story"], remove: [".promo-box"]))
        let read = try Self.read(Self.story, format: WebPageFormat(extraction: rules)).get()
        #expect(read.article.bodyHTML.contains("Fishing boats"))
        #expect(!read.article.bodyHTML.contains("Subscribe"))
        #expect(!read.article.bodyHTML.contains("First comment"))
        #expect(!read.article.bodyHTML.contains("Home"))
        #expect(read.article.header.kept?.images == 1)
        #expect(read.article.header.kept?.characters ?? 0 > 100)
    }

    @Test func aSitesRulesApplyToItsPagesOnly() throws {
        let page = Self.story.replacingOccurrences(of: "<head>", with: #"<head><link rel="canonical" href="https://news.example.com/h">"#)
        let rules = PageExtraction(sites: ["example.com": .init(keep: [".comments"])])
        let read = try Self.read(page, format: WebPageFormat(extraction: rules)).get()
        #expect(read.article.bodyHTML.contains("First comment"))
        #expect(!read.article.bodyHTML.contains("Fishing boats"))
        let other = PageExtraction(sites: ["example.org": .init(keep: [".comments"])])
        #expect(try Self.read(page, format: WebPageFormat(extraction: other)).get().article.bodyHTML.contains("Fishing boats"))
    }

    @Test func keepSelectorsThatMatchNothingFallBackToTheExtractorWithANote() throws {
        let rules = PageExtraction(all: .init(keep: ["#no-such"]))
        let read = try Self.read(Self.story, format: WebPageFormat(extraction: rules)).get()
        #expect(read.article.bodyHTML.contains("Fishing boats"))
        #expect(read.article.notes.contains { $0.message.contains("no element matches the keep selectors #no-such") })
    }

    @Test func extractionOffKeepsTheWholePageButItsMenusAndScripts() throws {
        let read = try Self.read(Self.story, format: WebPageFormat(extraction: PageExtraction(all: .init(mode: .off)))).get()
        #expect(read.article.bodyHTML.contains("Subscribe"))
        #expect(read.article.bodyHTML.contains("First comment"))
        #expect(!read.article.bodyHTML.contains("Home"))
    }

    @Test func pagesThatAreNoArticlesAreSkippedWithTheirReason() throws {
        let redirect = #"<html><head><meta http-equiv="refresh" content="0; url=https://e.org/new"></head><body>Moved</body></html>"#
        #expect(try Self.read(redirect).failureMessage?.contains("only redirects to https://e.org/new") == true)
        let frames = #"<html><frameset><frame src="menu.html"><frame src="main.html"></frameset></html>"#
        #expect(try Self.read(frames).failureMessage?.contains("only a frameset (of menu.html, main.html)") == true)
        let folder = NSTemporaryDirectory() + "sheaf-binary-" + UUID().uuidString + ".html"
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0]).write(to: URL(fileURLWithPath: folder))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        guard case .failure(let binary) = WebPageFormat().read(folder) else { Issue.record("binary read"); return }
        #expect(binary.message.contains("binary file (PNG image)"))
    }

    @Test func aSingleFilePageIsDatedAndAddressedByItsComment() throws {
        let page = """
            <!DOCTYPE html> <html><!--
             Page saved with SingleFile
             url: https://blog.example.net/posts/harbour
             saved date: Tue Nov 17 2020 12:34:56 GMT+0100 (CET)
            --><head><title>Harbour opens</title></head><body><article>
            <p>The new harbour opened on Monday after three years of work on its walls and quays, said the mayor.</p>
            <p>Fishing boats came in first, then the ferry, and the town watched from the old sea wall all afternoon.</p>
            <p><img src="data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=" data-src="https://blog.example.net/q.jpg"></p>
            </article></body></html>
            """
        let read = try Self.read(page).get()
        #expect(read.article.header.source == "https://blog.example.net/posts/harbour")
        #expect(read.article.header.site == "blog.example.net")
        #expect(read.article.header.date == ArticleDate(year: 2020, month: 11, day: 17))
        #expect(read.article.notes.contains { $0.message.contains("the day the page was saved") })
        #expect(read.article.bodyHTML.contains("https://blog.example.net/q.jpg"))
        #expect(read.article.header.kept?.images == 1)
    }
}

extension WebPageFormatTests {
    @Test func aCompressedPageIsReadAndABombIsRefusedByItsSize() throws {
        let page = Array(Self.story.utf8)
        let path = try WebArchiveTestData.temporaryFile(WebArchiveTestData.gzip(page), named: "harbour.html.gz")
        #expect(WebPageFormat().recognises(name: "harbour.html.gz", firstBytes: nil) == .articles)
        let read = try WebPageFormat().read(path).get()
        #expect(read.article.bodyHTML.contains("Fishing boats"))
        #expect(read.article.header.id == "harbour")
        // Cut short: what came through is read, with a note.
        let gzipped = WebArchiveTestData.gzip(page)
        let cut = try WebArchiveTestData.temporaryFile(Array(gzipped.dropLast(12)), named: "cut.html.gz")
        let partial = try WebPageFormat().read(cut).get()
        #expect(partial.article.notes.contains { $0.message.contains("truncated gzip data") })
        // 100 MB of whitespace in a page: refused at the page limit, without inflating it all.
        let bomb = WebArchiveTestData.spaceBomb(count: 100_000_000, prefix: Array("<html><body><p>".utf8))
        let bombPath = try WebArchiveTestData.temporaryFile(bomb, named: "bomb.html.gz")
        guard case .failure(let refused) = WebPageFormat().read(bombPath) else { Issue.record("a bomb was read"); return }
        #expect(refused.message.contains("decompresses to more than 32 MB"))
    }

    @Test func anMHTMLPageIsReadWithItsPicturesEmbedded() throws {
        let read = try WebPageFormat().read(WebArchiveTestData.fixture("cafe.mhtml")).get()
        #expect(read.article.bodyHTML.contains("src=\"data:image/png;base64,"))
        #expect(read.article.header.kept?.images == 1)
        #expect(read.article.header.source?.hasPrefix("http") == true)
    }

    @Test func deeplyNestedDivisionsAreFlattenedAndRead() throws {
        let depth = 100_000
        let html = "<html><body>" + String(repeating: "<div>", count: depth)
            + "<p>The innermost paragraph holds the whole story of the page, and it is long enough to count.</p>"
            + String(repeating: "</div>", count: depth) + "</body></html>"
        let read = try Self.read(html).get()
        #expect(read.article.bodyHTML.contains("innermost paragraph"))
    }
}

extension Result {
    /// The failure's message, for a diagnostic; nil on success.
    var failureMessage: String? {
        guard case .failure(let error) = self else { return nil }
        return (error as? Diagnostic)?.message
    }
}

