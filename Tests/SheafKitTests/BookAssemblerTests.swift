import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SheafKit

/// Small volumes shared by the packager's tests.
enum SampleVolume {
    static func article(_ id: String, _ title: String, date: ArticleDate? = ArticleDate(year: 2021, month: 1, day: 18),
                        source: String?? = nil, site: String? = "明慧网") -> ArticleHeader {
        // `source: .some(nil)` makes an article without a source; leaving it out gives a typical one.
        ArticleHeader(id: id, channel: "73", title: title, date: date,
                      source: source ?? "https://www.minghui.org/mh/articles/2021/1/18/\(id).html",
                      site: site, files: ["pages/73/\(id).md"])
    }

    static func volume(sections: [VolumeSection], language: String = "zh") -> Volume {
        Volume(key: "2021-W03", title: "mh-news 2021-W03", subtitle: "18–24 January 2021", collection: "mh-news",
               fileName: "mh-news-2021-W03.epub", language: language, sections: sections)
    }

    /// Two untitled-section articles.
    static let flat = volume(sections: [VolumeSection(title: nil, articles: [
        article("407787", "大陆法轮功学员 & <朋友>"),
        article("407788", "\"Quoted\" title", date: ArticleDate(year: 2021, month: 1, day: 20)),
    ])])

    /// Two days, three articles.
    static let sectioned = volume(sections: [
        VolumeSection(title: "2021-01-18 星期一", articles: [article("1", "第一篇"), article("2", "第二篇")]),
        VolumeSection(title: "2021-01-19 星期二", articles: [article("3", "第三篇", date: ArticleDate(year: 2021, month: 1, day: 19))]),
    ])

    static func chapters(for volume: Volume) -> [Chapter] {
        volume.articles.map { Chapter(article: $0, blocks: ["<p>\($0.id) 正文第一段。</p>", "<p>第二段 &amp; more.</p>"]) }
    }

    /// Parses with Foundation's XML parser: true when the text is well-formed XML.
    static func isWellFormed(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }

    static func book(_ volume: Volume, environment: BuildEnvironment = BuildEnvironment()) throws -> Book {
        try BookAssembler(templates: TemplateSet.builtIn(), environment: environment)
            .assemble(volume, chapters: chapters(for: volume))
    }
}

@Suite struct BookAssemblerTests {
    private func text(_ book: Book, _ href: String) -> String {
        book.resources.first { $0.href == href }.map { String(decoding: $0.contents, as: UTF8.self) } ?? ""
    }

    @Test func imagesAreInTheManifestOncePerBook() throws {
        let (volume, chapters) = SampleBooks.imagesAndLinks()
        #expect(chapters[0].images.count == 3 && chapters[1].images.count == 1)
        let book = try BookAssembler(templates: TemplateSet.builtIn(), environment: BuildEnvironment(sourceDateEpoch: 0))
            .assemble(volume, chapters: chapters)
        let images = book.resources.filter { $0.href.hasPrefix("images/") && $0.id != BookCover.imageID }
        #expect(images.map(\.mediaType) == ["image/png", "image/jpeg", "image/gif"])
        #expect(images.map(\.href) == chapters[0].images.map(\.href))
        #expect(images.allSatisfy { $0.id == "img-" + $0.href.dropFirst(7).prefix(32) && !book.spine.contains($0.id) })
        let page = String(decoding: book.resources.first { $0.href == "text/c0001.xhtml" }?.contents ?? Data(), as: UTF8.self)
        #expect(page.contains("<img alt=\"绿\" src=\"../\(images[0].href)\"/>"))
        #expect(page.contains("<a href=\"c0002.xhtml\">第二篇</a>"))
        #expect(PackageDocument.xml(for: book).contains(#"<item id="\#(images[1].id)" href="\#(images[1].href)" media-type="image/jpeg"/>"#))
    }

    @Test func filesSpineAndChapterFiles() throws {
        let book = try SampleVolume.book(SampleVolume.flat)
        #expect(book.resources.map(\.href) == ["nav.xhtml", "text/cover.xhtml", "text/titlepage.xhtml",
                                               "text/c0001.xhtml", "text/c0002.xhtml", "images/cover.jpg",
                                               "style/style.css"])
        #expect(book.spine == ["cover", "titlepage", "c0001", "c0002"])
        #expect(book.chapterFiles == [["OEBPS/text/c0001.xhtml"], ["OEBPS/text/c0002.xhtml"]])
        #expect(book.resources[0].properties == ["nav"])
    }

    @Test func chapterHasEscapedTitleBylineAndBlocks() throws {
        let volume = SampleVolume.volume(sections: [VolumeSection(title: nil, articles: [
            SampleVolume.article("9", "A & B <c>", source: "http://example.com/a b/文章?x=1&y=2"),
        ])])
        let page = text(try SampleVolume.book(volume), "text/c0001.xhtml")
        #expect(page.contains("<h1>A &amp; B &lt;c&gt;</h1>"))
        #expect(page.contains(#"lang="zh" xml:lang="zh""#))
        #expect(page.contains(#"href="http://example.com/a%20b/%E6%96%87%E7%AB%A0?x=1&amp;y=2""#))
        #expect(page.contains(#"<time datetime="2021-01-18">2021-01-18</time>"#))
        #expect(page.contains("<p>9 正文第一段。</p>\n<p>第二段 &amp; more.</p>"))
        #expect(SampleVolume.isWellFormed(page))
    }

    @Test func untitledSectionsGiveAFlatContents() throws {
        let book = try SampleVolume.book(SampleVolume.flat)
        #expect(book.tableOfContents.map(\.title) == ["大陆法轮功学员 & <朋友>", "\"Quoted\" title"])
        #expect(book.tableOfContents.allSatisfy { $0.children.isEmpty })
        let nav = text(book, "nav.xhtml")
        #expect(nav.contains(#"<li><a href="text/c0001.xhtml">大陆法轮功学员 &amp; &lt;朋友&gt;</a></li>"#))
        #expect(!nav.contains("<span>"))
        #expect(SampleVolume.isWellFormed(nav))
    }

    @Test func titledSectionsNestTheContents() throws {
        let book = try SampleVolume.book(SampleVolume.sectioned)
        #expect(book.tableOfContents.map(\.title) == ["2021-01-18 星期一", "2021-01-19 星期二"])
        #expect(book.tableOfContents[0].children.map(\.href) == ["text/c0001.xhtml", "text/c0002.xhtml"])
        #expect(book.tableOfContents[1].href == "text/c0003.xhtml")
        let nav = text(book, "nav.xhtml")
        #expect(nav.contains("<li><span>2021-01-18 星期一</span>\n<ol>\n<li><a href=\"text/c0001.xhtml\">第一篇</a></li>"))
        for landmark in ["toc", "titlepage", "bodymatter"] { #expect(nav.contains(#"epub:type="\#(landmark)""#)) }
        let titlepage = text(book, "text/titlepage.xhtml")
        #expect(titlepage.contains("<h3>2021-01-19 星期二</h3>"))
        #expect(titlepage.contains(#"<a href="c0003.xhtml">第三篇</a>"#))
        #expect(titlepage.contains("2021-01-18 – 2021-01-19"))
        #expect(titlepage.contains("共 3 篇文章"))
        #expect(SampleVolume.isWellFormed(titlepage))
    }

    @Test func longChapterIsSplitBetweenBlocks() throws {
        let article = SampleVolume.article("1", "长文")
        let block = "<p>" + String(repeating: "字", count: 1000) + "</p>"  // ~3 KB
        let huge = "<p>" + String(repeating: "大", count: 5000) + "</p>"  // ~15 KB, over the limit alone
        let chapter = Chapter(article: article, blocks: Array(repeating: block, count: 7) + [huge, block])
        let volume = SampleVolume.volume(sections: [VolumeSection(title: nil, articles: [article])])
        let assembler = BookAssembler(templates: try TemplateSet.builtIn(), environment: BuildEnvironment(), partLimit: 10_000)
        let book = try assembler.assemble(volume, chapters: [chapter])
        let parts = book.chapterFiles[0]
        #expect(parts.count == 5)
        #expect(parts[0] == "OEBPS/text/c0001.xhtml" && parts[1] == "OEBPS/text/c0001-2.xhtml")
        #expect(book.spine == ["cover", "titlepage", "c0001", "c0001-2", "c0001-3", "c0001-4", "c0001-5"])
        #expect(book.tableOfContents.map(\.href) == ["text/c0001.xhtml"])
        let pages = book.resources.filter { $0.href.hasPrefix("text/c0") }.map { String(decoding: $0.contents, as: UTF8.self) }
        #expect(pages.map { $0.components(separatedBy: "<h1>").count - 1 } == [1, 0, 0, 0, 0])
        #expect(pages.map { $0.components(separatedBy: "<p>字").count - 1 } == [3, 3, 1, 0, 1])
        #expect(pages.count == 5 && pages[3].contains(huge))
        for page in pages where !page.contains(huge) { #expect(page.utf8.count <= 10_000) }
        #expect(pages.joined().components(separatedBy: "<p>字").count - 1 == 8)
    }

    @Test func metadataSourcesAreDeduplicatedInOrder() throws {
        let volume = SampleVolume.volume(sections: [VolumeSection(title: nil, articles: [
            SampleVolume.article("1", "a", source: "http://x/1"), SampleVolume.article("2", "b", source: "http://x/2"),
            SampleVolume.article("3", "c", source: "http://x/1"),
        ])])
        #expect(try SampleVolume.book(volume).metadata.sources == ["http://x/1", "http://x/2"])
    }

    @Test func mismatchedChapterCountIsAnError() throws {
        let assembler = BookAssembler(templates: try TemplateSet.builtIn(), environment: BuildEnvironment())
        #expect(throws: SheafError.self) { try assembler.assemble(SampleVolume.flat, chapters: []) }
    }

    @Test func illegalCharactersAreStripped() throws {
        let volume = SampleVolume.volume(sections: [VolumeSection(title: nil, articles: [
            SampleVolume.article("1", "bad\u{8}title\u{1D}"),
        ])])
        let book = try BookAssembler(templates: TemplateSet.builtIn(), environment: BuildEnvironment())
            .assemble(volume, chapters: [Chapter(article: volume.articles[0], blocks: ["<p>x\u{0}y</p>"])])
        let page = text(book, "text/c0001.xhtml")
        #expect(page.contains("<h1>badtitle</h1>") && page.contains("<p>xy</p>"))
        #expect(book.tableOfContents[0].title == "badtitle")
    }
}

@Suite struct BookAssemblerCoverTests {
    @Test func everyBookHasACoverFirstInTheSpine() throws {
        let book = try SampleVolume.book(SampleVolume.flat)
        let image = try #require(book.resources.first { $0.id == BookCover.imageID })
        #expect(image.properties == ["cover-image"] && image.mediaType == "image/jpeg")
        #expect(ImageSniffer.sniff([UInt8](image.contents))?.width == CoverRenderer.width)
        #expect(book.spine.first == "cover")
        let page = String(decoding: book.resources.first { $0.id == "cover" }?.contents ?? Data(), as: UTF8.self)
        #expect(SampleVolume.isWellFormed(page))
        #expect(page.contains(#"<img class="cover-image" src="../images/cover.jpg" alt="mh-news 2021-W03"/>"#))
        let nav = String(decoding: book.resources[0].contents, as: UTF8.self)
        #expect(nav.contains(#"<a epub:type="cover" href="text/cover.xhtml">封面</a>"#))
    }

    @Test func usersCoverIsUsedAsGiven() throws {
        let jpeg = Data(TestImages.bytes(TestImages.jpeg))
        let book = try BookAssembler(templates: TemplateSet.builtIn(), environment: BuildEnvironment(), cover: jpeg)
            .assemble(SampleVolume.flat, chapters: SampleVolume.chapters(for: SampleVolume.flat))
        #expect(book.resources.first { $0.id == BookCover.imageID }?.contents == jpeg)
    }

    @Test func koboWrappersSurroundTheWholeChapterOnlyWhenAsked() throws {
        var assembler = BookAssembler(templates: try TemplateSet.builtIn(), environment: BuildEnvironment())
        let chapters = SampleVolume.chapters(for: SampleVolume.flat)
        let plain = try assembler.assemble(SampleVolume.flat, chapters: chapters)
        assembler.koboWrappers = true
        let kobo = try assembler.assemble(SampleVolume.flat, chapters: chapters)
        let page = { (book: Book) in
            String(decoding: book.resources.first { $0.href == "text/c0001.xhtml" }?.contents ?? Data(), as: UTF8.self)
        }
        #expect(!page(plain).contains("book-columns"))
        #expect(page(kobo).contains("<body>\n<div id=\"book-columns\"><div id=\"book-inner\">\n<section"))
        #expect(page(kobo).contains("</section>\n</div></div>\n</body>"))
        #expect(SampleVolume.isWellFormed(page(kobo)))
        #expect(page(kobo).replacingOccurrences(of: "<div id=\"book-columns\"><div id=\"book-inner\">\n", with: "")
            .replacingOccurrences(of: "</div></div>\n", with: "") == page(plain))
    }

    /// Templates that pass the check on loading can still make a broken page for some articles: such a page
    /// fails the book, naming the template.
    @Test(arguments: [
        // An element opened when the article names its site, closed only when it has a date.
        ("<h1>{{title}}</h1>", "{{#site}}<div>{{/site}}<h1>{{title}}</h1>{{#date}}</div>{{/date}}"),
        // The article's markup inside an attribute.
        ("<section class=\"chapter\" epub:type=\"chapter\">", "<section class=\"chapter\" title=\"{{{body}}}\">"),
        ("</body>", "{{#firstPart}}<p/>{{/firstPart}}{{^firstPart}}<p>{{/firstPart}}</body>"),
    ])
    func aPageTheTemplateBreaksFailsTheBookNamingTheTemplate(builtIn: String, edited: String) throws {
        let folder = NSTemporaryDirectory() + "sheaf-assembler-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/" + TemplateSet.chapter
        let original = try String(contentsOfFile: EndToEndTests.repository.path + "/Sources/SheafKit/Templates/"
                                  + TemplateSet.chapter, encoding: .utf8)
        try Data(original.replacingOccurrences(of: builtIn, with: edited).utf8).write(to: URL(fileURLWithPath: file))
        let templates = try TemplateSet(overridesIn: folder)
        let undated = SampleVolume.volume(sections: [VolumeSection(title: nil, articles: [
            SampleVolume.article("1", "Dated"), SampleVolume.article("2", "Undated", date: nil)])])
        var assembler = BookAssembler(templates: templates, environment: BuildEnvironment(), partLimit: 80)
        assembler.jobs = 2
        #expect { try assembler.assemble(undated, chapters: SampleVolume.chapters(for: undated)) } throws: { error in
            (error as? SheafError)?.reason.contains("the template \(file) gives a page that is not well-formed XHTML") == true
        }
    }
}
