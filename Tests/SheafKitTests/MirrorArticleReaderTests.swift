import Foundation
import Testing
@testable import SheafKit

@Suite struct MirrorArticleReaderTests {
    let reader = MirrorArticleReader()
    let file = ArticleFile(path: "c/pages/73/407787.md", channel: "73", id: "407787")

    func parse(_ text: String) -> Result<Article, Diagnostic> {
        reader.parse(Array(text.utf8), file: file)
    }

    func article(_ text: String) throws -> Article {
        try parse(text).get()
    }

    func reason(_ text: String) -> String? {
        if case .failure(let diagnostic) = parse(text) { return diagnostic.message }
        return nil
    }

    // MARK: - A real file

    @Test func readingTheBodyAgainGivesTheSameBodyAndRefusesAFileThatLostIt() throws {
        let url = try #require(Bundle.module.url(forResource: "seed-promos", withExtension: "md",
                                                 subdirectory: "Fixtures/Reader"))
        let file = ArticleFile(path: url.path, channel: "Reader", id: "seed-promos")
        #expect(try reader.readBody(file).get() == (try reader.read(file).get().bodyHTML))
        let folder = NSTemporaryDirectory() + "sheaf-body-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let changed = ArticleFile(path: folder + "/1.md", channel: "x", id: "1")
        try Data("### A title\n\nonly Markdown now\n".utf8).write(to: URL(fileURLWithPath: changed.path))
        guard case .failure(let diagnostic) = reader.readBody(changed) else {
            Issue.record("a file without an HTML body gave a body")
            return
        }
        #expect(diagnostic.message.contains("no HTML body"))
        guard case .failure(let missing) = reader.readBody(ArticleFile(path: folder + "/gone.md", channel: "x", id: "gone"))
        else { Issue.record("a missing file gave a body"); return }
        #expect(missing.message.hasPrefix("cannot read file: "))
    }

    @Test func readsATrimmedRealFileWithPromos() throws {
        let url = try #require(Bundle.module.url(forResource: "seed-promos", withExtension: "md",
                                                 subdirectory: "Fixtures/Reader"))
        let file = ArticleFile(path: url.path, channel: "Reader", id: "seed-promos")
        let article = try reader.read(file).get()
        let header = article.header
        #expect(header.title == "2元买千张人脸照 个人信息泄露风险加剧(图)")
        #expect(header.date == ArticleDate(year: 2020, month: 11, day: 3))
        #expect(header.site == "看中国")
        #expect(header.source == "https://www.secretchina.com/news/gb/2020/11/03/951211.html")
        #expect(header.files == [url.path])
        #expect(header.id == "seed-promos" && header.channel == "Reader")
        let body = article.bodyHTML
        #expect(body.hasPrefix("<div class=\"article_right\" style=\"fone-color:#000\">\n <p style=\"text-align:center\">"))
        #expect(body.hasSuffix(" </p>\n</div>"))
        #expect(body.contains("【看中国2020年11月3日讯】随着AI"))
        #expect(body.contains("。这意味着个人信息被非法收集和滥用的风险不断加剧。"))
        for boilerplate in ["🔥", "💌", "🎬", "\n---\n", "手机上长按", "原文地址", "<hr", "首页", "width='0px'"] {
            #expect(!body.contains(boilerplate), "body still holds \(boilerplate)")
        }
    }

    // MARK: - Header

    @Test func findsADatelineSplitByALink() throws {
        let header = try article("""
            ### 加拿大多位市长祝贺
            <div class="ar_articleContent" id="ar_bArticleContent">
             【
             <ok href="http://www.minghui.org/mh/glossary.html#2">
              明慧网
             </ok>
             二零一八年五月十日】2018年5月13日是
            </div>
            原文地址（需翻墙访问）：http://www.minghui.org/mh/articles/2018/5/11/加拿大多位市长祝贺-365662.html
            """).header
        #expect(header.date == ArticleDate(year: 2018, month: 5, day: 10))  // the dateline wins over the URL
        #expect(header.site == "明慧网")
    }

    @Test func datesAYearlessDatelineFromTheURL() throws {
        let header = try article("### t\n<p>【明慧网六月二十日】正文</p>\n原文：http://x.org/mh/articles/2020/6/21/1.html\n").header
        #expect(header.date == ArticleDate(year: 2020, month: 6, day: 20))
    }

    @Test func fallsBackToTheURLDateAndHost() throws {
        let header = try article("### t\n<p>没有日期的正文</p>\n原文链接：https://www.epochtimes.com/gb/20/3/8/n1.htm\n").header
        #expect(header.date == ArticleDate(year: 2020, month: 3, day: 8))
        #expect(header.site == "www.epochtimes.com")
    }

    @Test func fallsBackToTheURLWhenTheDatelineIsImpossible() throws {
        let header = try article("### t\n<p>【明慧网2021年2月30日】正文</p>\n原文：http://x.org/2021/3/1/a.html\n").header
        #expect(header.date == ArticleDate(year: 2021, month: 3, day: 1))
        #expect(header.site == "明慧网")
    }

    @Test func inventsNoDate() throws {
        let header = try article("### t\n<p>正文</p>\n").header
        #expect(header.date == nil)
        #expect(header.site == nil)
        #expect(header.source == nil)
    }

    @Test(arguments: [
        ("### 为法轮功发声&nbsp;&#160;基隆　市议会  通过（图）  ", "为法轮功发声 基隆 市议会 通过（图）"),
        ("### A & B | C", "A & B | C"),
        ("### &quot;引号&quot; &amp; &#x4E2D;", "\"引号\" & 中"),
        ("###   \u{3000}标题\u{A0}", "标题"),
    ])
    func cleansTitles(line: String, title: String) throws {
        #expect(try article(line + "\n<p>正文</p>\n").header.title == title)
    }

    @Test func fallsBackToTheBodyTextForATitle() throws {
        let text = String(repeating: "很长的正文", count: 20)
        let title = try article("### &nbsp;\n<p>\n  \(text)\n</p>\n").header.title
        #expect(title == String(text.prefix(MirrorArticleReader.fallbackTitleLength)) + "…")
        #expect(try article("<p>短 正文</p>\n").header.title == "短 正文")
        #expect(try article("### \n<p><img src='a.jpg'/></p>\n").header.title == "407787")
    }

    // MARK: - Files that are not articles

    @Test func rejectsFilesThatAreNotArticles() {
        #expect(reason("") == "not an article: empty file")
        #expect(reason("#### 由于频繁封锁，请参考 [教程](https://x.org/wiki/)\n\n#### [标题](../pages/73/1.md?t=1)\n")?
            .hasPrefix("not an article: no HTML body") == true)
        #expect(reason("### 帮助\n只是文字，没有网页。\n")?.hasPrefix("not an article: no HTML body") == true)
        #expect(reason("### 空\n<div>\n <p> </p>\n</div>\n") == "not an article: the body has no text and no image")
        #expect(reason("#### 安卓系统用户\n\n点击右上角\n\n<img src='http://x.org/1.png' width=\"300px\"/>\n")?
            .hasPrefix("not an article: a Markdown page") == true)
        // Markdown prose that mentions `<channel>` in backticks is not HTML.
        #expect(reason("# Samples\n\nArticles live in `pages/<channel>/<id>.md`.\n")?
            .hasPrefix("not an article: no HTML body") == true)
        #expect(reason("### 标题\n<P class=x>正文</P>\n") == nil)
    }

    @Test func rejectsBinaryFilesAsWarnings() throws {
        let result = reader.parse([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], file: file)
        guard case .failure(let diagnostic) = result else { Issue.record("PNG read as an article"); return }
        #expect(diagnostic == Diagnostic(.warning, stage: .read, file: "c/pages/73/407787.md",
                                         "not an article: binary file (PNG image)"))
    }

    @Test func reportsAFileThatCannotBeRead() {
        let missing = ArticleFile(path: "/nonexistent/73/1.md", channel: "73", id: "1")
        guard case .failure(let diagnostic) = reader.read(missing) else { Issue.record("read a missing file"); return }
        #expect(diagnostic.stage == .read && diagnostic.file == "/nonexistent/73/1.md")
        #expect(diagnostic.message.hasPrefix("cannot read file: "))
    }

    @Test func readsCRLFFilesLikeLFFiles() throws {
        let lf = "### 标题\n------\n<p>【看中国2020年11月3日讯】正文</p>\n<hr/>\n分享：<br/>\n原文：https://x.org/a\n"
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try article(crlf) == article(lf))
        #expect(try article(lf).bodyHTML == "<p>【看中国2020年11月3日讯】正文</p>")
    }

    @Test func notesTheRepairsMadeToTheText() throws {
        let lf = "### 标题\n------\n<p>【看中国2020年11月3日讯】正文</p>\n<hr/>\n分享：<br/>\n原文：https://x.org/a\n"
        #expect(try article(lf).notes.isEmpty)
        let damaged = Array(lf.utf8).map { $0 == UInt8(ascii: "a") ? 0xFF : $0 }
        let repaired = try reader.parse(damaged, file: file).get()
        #expect(repaired.notes == [Diagnostic(.note, stage: .read, file: file.path, "repaired 1 invalid UTF-8 sequence")])
        #expect(repaired.header.title == "标题")
    }

    @Test func cutsAnOverlongTitleWithAWarning() throws {
        let result = try article("### " + String(repeating: "題", count: 5000) + "\n\n<p>text</p>\n")
        #expect(result.header.title.count == MirrorArticleReader.maximumTitleLength)
        #expect(result.header.title.hasSuffix("…"))
        #expect(result.notes.contains { $0.message == "title of 5000 characters cut to 300" })
    }

    @Test func skipsAFileOverTheSizeLimitUnread() throws {
        let scratch = try Scratch()
        let path = scratch.path("huge.md")
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(MirrorArticleReader.maximumFileBytes + 1_572_864))   // sparse: no disk used
        try handle.close()
        let result = reader.read(ArticleFile(path: path, channel: "c", id: "huge"))
        guard case .failure(let diagnostic) = result else { Issue.record("read a file over the limit"); return }
        #expect(diagnostic.message == "too large: 17.5 MB; the limit is 16 MB per article")
    }

    @Test func skipsAnEmptyFileWithoutReadingIt() throws {
        let scratch = try Scratch()
        #expect(FileManager.default.createFile(atPath: scratch.path("empty.md"), contents: Data()))
        let result = reader.read(ArticleFile(path: scratch.path("empty.md"), channel: "c", id: "empty"))
        guard case .failure(let diagnostic) = result else { Issue.record("read an empty file as an article"); return }
        #expect(diagnostic.message == "not an article: empty file")
    }
}

