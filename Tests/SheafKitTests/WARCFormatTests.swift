import Foundation
import Testing
@testable import SheafKit

@Suite struct WARCFormatTests {
    static let titles = ["The river rises", "Night trains return", "A quiet harbour"]

    @Test func archivesAreRecognisedByNameAndFirstBytes() {
        let format = WARCFormat()
        #expect(format.recognises(name: "crawl.warc.gz", firstBytes: nil) == .articles)
        #expect(format.recognises(name: "Crawl.WARC", firstBytes: nil) == .articles)
        #expect(format.recognises(name: "crawl", firstBytes: Array("WARC/1.1\r\n".utf8)) == .articles)
        #expect(format.recognises(name: "crawl.gz", firstBytes: [0x1F, 0x8B]) == .unknown)
        #expect(InputPath.stem(of: "/a/crawl.warc.gz") == "crawl")
    }

    /// What `readArticles` gives for the archive at `path`.
    static func read(_ path: String) -> (articles: [Article], skipped: [Diagnostic], notes: [Diagnostic]) {
        var articles: [Article] = [], skipped: [Diagnostic] = [], notes: [Diagnostic] = []
        WARCFormat().readArticles(in: path) { result in
            switch result {
            case .success(let article): articles.append(article)
            case .failure(let diagnostic) where diagnostic.severity == .note: notes.append(diagnostic)
            case .failure(let diagnostic): skipped.append(diagnostic)
            }
        }
        return (articles, skipped, notes)
    }

    @Test(arguments: ["sample.warc.gz", "sample.warc", "whole.warc.gz"])
    func everyCapturedPageIsAnArticleWithItsPicturesEmbedded(_ name: String) throws {
        let path = WebArchiveTestData.fixture(name)
        let read = Self.read(path)
        #expect(Set(read.articles.map(\.header.title)) == Set(Self.titles))
        #expect(read.articles.count == 3)
        #expect(read.skipped.isEmpty, "\(read.skipped)")
        #expect(read.notes.contains { $0.message.contains("are no pages") && $0.message.contains("pictures") })
        for article in read.articles {
            #expect(article.header.source?.hasPrefix("https://news.example.org/articles/") == true)
            #expect(article.header.channel == "news.example.org")
            #expect(article.header.folder == InputPath.stem(of: path))
            #expect(article.bodyHTML.contains("src=\"data:image/png;base64,"))
            #expect(article.header.kept?.images == 1)
            // The body loaded again by its entry is the one read.
            let body = try WARCFormat().loadBody(article.header.reference).get()
            #expect(body.html == article.bodyHTML)
        }
        #expect(Set(read.articles.map(\.header.id)) == ["one", "two", "three"])
    }

    @Test func aDamagedArchiveReportsItsDamageAndReadsTheRest() throws {
        var bytes = try WebArchiveTestData.fixtureBytes("sample.warc")
        // Cut the archive inside its last record: the pages before it are read.
        bytes.removeLast(bytes.count / 5)
        let path = try WebArchiveTestData.temporaryFile(bytes, named: "cut.warc")
        let read = Self.read(path)
        #expect(!read.articles.isEmpty)
        #expect(read.skipped.contains { $0.message.contains("record at byte") })
        // Junk named .warc is skipped with its reason.
        let junk = try WebArchiveTestData.temporaryFile(Array(repeating: 0x41, count: 300), named: "junk.warc")
        #expect(Self.read(junk).skipped.first?.message.contains("not a WARC file") == true)
    }

    @Test func listingsAndFrontPagesAreNoArticles() {
        let undated = ArticleHeader(id: "x", channel: "c", title: "t", date: nil, source: nil, site: nil, files: [])
        #expect(WARCFormat.listing(url: "https://e.org/", header: undated) == "the site's front page")
        #expect(WARCFormat.listing(url: "https://e.org/tag/rivers?page=2", header: undated)?.contains("/tag/") == true)
        #expect(WARCFormat.listing(url: "https://e.org/2020/05/river.html", header: undated) == nil)
        var dated = undated
        dated.date = ArticleDate(year: 2020, month: 5, day: 1)
        #expect(WARCFormat.listing(url: "https://e.org/", header: dated) == nil)
        #expect(WARCFormat.id(of: "https://e.org/2020/05/river.html?x=1") == "river")
        #expect(WARCFormat.id(of: "https://e.org/") == "e.org")
    }

    /// The archive's pages saved as files the way `wget -x -k` saves them: `host/path`, links to pictures made relative.
    static func savedAsFiles(_ archive: String, into folder: String) throws {
        let open = try OpenArchive(path: archive)
        for (url, entry) in open.index.entries {
            guard case .success(let payload) = open.payload(at: entry.payload) else { continue }
            let path = folder + "/" + url.dropFirst("https://".count)
            try FileManager.default.createDirectory(atPath: InputPath.parent(path), withIntermediateDirectories: true)
            var bytes = payload.bytes
            if payload.mediaType.isHTML {
                bytes = Array(String(decoding: bytes, as: UTF8.self)
                    .replacingOccurrences(of: "src=\"/images/", with: "src=\"../images/").utf8)
            }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
    }

    @Test func aBookOfAnArchiveEqualsTheBookOfItsPagesSavedAsFiles() throws {
        let out = try Scratch()
        try Self.savedAsFiles(WebArchiveTestData.fixture("sample.warc.gz"), into: out.path("mirror"))
        let environment = ["SOURCE_DATE_EPOCH": "1700000000"]
        for (input, books) in [(WebArchiveTestData.fixture("sample.warc.gz"), "from-archive"), (out.path("mirror"), "from-files")] {
            let run = try Sheaf.run(["build", input, "--group-by", "all", "--out", out.path(books), "--no-catalog"],
                                    environment: environment)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let archiveBook = try EPUB(path: out.path("from-archive/sample.epub"))
        let filesBook = try EPUB(path: out.path("from-files/mirror.epub"))
        let chapters = archiveBook.entries.filter { $0.hasPrefix("OEBPS/text/c0") }
        #expect(chapters.count == 3)
        #expect(chapters == filesBook.entries.filter { $0.hasPrefix("OEBPS/text/c0") })
        for chapter in chapters { #expect(try archiveBook.text(chapter) == filesBook.text(chapter)) }
        let images = archiveBook.entries.filter { $0.hasPrefix("OEBPS/images/") && !$0.hasSuffix("cover.jpg") }
        #expect(images.count == 1)
        #expect(images == filesBook.entries.filter { $0.hasPrefix("OEBPS/images/") && !$0.hasSuffix("cover.jpg") })
    }
}

@Suite struct SavedPageBookTests {
    static let paragraphs = (1...4).map { "Paragraph \($0) of the saved story tells of the harbour, the boats and the town in a long sentence." }

    @Test func aPageSavedCompleteAndASingleFilePageKeepTheirPictures() throws {
        let out = try Scratch()
        let folder = out.path("saved")
        try FileManager.default.createDirectory(atPath: folder + "/Harbour_files", withIntermediateDirectories: true)
        let body = Self.paragraphs.map { "<p>\($0)</p>" }.joined()
        // "Save Page As, complete": the picture in Page_files/.
        try Data(TestImages.bytes(TestImages.png)).write(to: URL(fileURLWithPath: folder + "/Harbour_files/quay.png"))
        try """
            <!-- saved from url=(0034)https://news.example.com/harbour -->
            <html><head><title>Harbour opens</title><meta property="article:published_time" content="2021-01-18"></head>
            <body><nav><a href="/">Home</a></nav><article>\(body)<figure><img src="Harbour_files/quay.png" alt="Quay">
            <figcaption>The quay</figcaption></figure></article></body></html>
            """.write(toFile: folder + "/Harbour.html", atomically: true, encoding: .utf8)
        // SingleFile: the picture inline.
        try """
            <!DOCTYPE html> <html><!--
             Page saved with SingleFile
             url: https://news.example.com/ferry
             saved date: Mon Jan 18 2021 10:00:00 GMT+0000 (UTC)
            --><head><title>Ferry returns</title></head><body><article>\(body)
            <p><img src="\(TestImages.uri(TestImages.gif, declaring: "image/gif"))" alt="Ferry"></p></article></body></html>
            """.write(toFile: folder + "/Ferry.html", atomically: true, encoding: .utf8)
        let run = try Sheaf.run(["build", folder, "--group-by", "all", "--out", out.path("books"), "--no-catalog",
                                 "--report", out.path("report.json")])
        #expect(run.status == 0, "\(run.stderr)")
        let book = try EPUB(path: out.path("books/saved.epub"))
        let images = book.entries.filter { $0.hasPrefix("OEBPS/images/") && !$0.hasSuffix("cover.jpg") }
        #expect(images.count == 2)
        let chapters = try book.entries.filter { $0.hasPrefix("OEBPS/text/c0") }.map(book.text)
        #expect(chapters.count == 2)
        #expect(chapters.allSatisfy { !$0.contains("Home") && $0.contains("Paragraph 4") })
        #expect(chapters.contains { $0.contains("The quay") })
        let report = try String(contentsOfFile: out.path("report.json"), encoding: .utf8)
        #expect(report.contains("\"images\" : 1"))
        #expect(report.contains("https://news.example.com/ferry"))
        if EPUBCheck.jar != nil {
            let check = try EPUBCheck.check(out.path("books/saved.epub"))
            #expect(check.passed, "\(check.output)")
        }
    }
}
