import Foundation
import Testing
@testable import SheafKit

@Suite struct XHTMLWriterTests {
    let writer = XHTMLWriter(language: "zh")

    /// A mirror page's article: the mirror's policy drops its QR codes and links its pages.
    private func article(_ html: String, source: String? = nil) -> Article {
        Article(header: ArticleHeader(id: "1", channel: "73", title: "T", date: nil, source: source, site: nil,
                                      files: ["pages/73/1.md"]), bodyHTML: html,
                policy: MirrorFormat().bodyPolicy(ofFile: "pages/73/1.md"))
    }

    // MARK: - Golden files

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/XHTML")

    /// Every fixture: `<case>.html` is an article body, `<case>.md` a whole mirror file read by the reader first.
    static let goldenCases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return names.filter { $0.hasSuffix(".html") || $0.hasSuffix(".md") }.sorted()
    }()

    @Test func thereAreGoldenCasesForEveryTrap() {
        #expect(Self.goldenCases.count >= 30)
    }

    /// `Fixtures/XHTML/<case>.html|md` → `<case>.xhtml` (one block per line); `RECORD_SNAPSHOTS=1` re-records.
    @Test(arguments: goldenCases)
    func matchesItsGoldenFile(_ fixture: String) throws {
        let url = Self.fixtures.appendingPathComponent(fixture)
        let produced = try blocks(of: url).joined(separator: "\n") + "\n"
        let golden = url.deletingPathExtension().appendingPathExtension("xhtml")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try produced.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = (try? String(contentsOf: golden, encoding: .utf8)) ?? ""
        #expect(produced == expected, "\(fixture) differs from its golden file (- golden, + now):\n\(Self.lineDiff(expected, produced))")
    }

    private func blocks(of fixture: URL) throws -> [String] {
        let bytes = Array(try Data(contentsOf: fixture))
        guard fixture.pathExtension == "md" else {
            let source = "https://www.secretchina.com/news/gb/2020/11/03/950226.html"
            return writer.chapter(for: article(String(decoding: bytes, as: UTF8.self), source: source)).chapter.blocks
        }
        let file = ArticleFile(path: fixture.path, channel: "73", id: fixture.deletingPathExtension().lastPathComponent)
        var read = try MirrorArticleReader().parse(bytes, file: file).get()
        read.policy = MirrorFormat().bodyPolicy(ofFile: fixture.path)
        return writer.chapter(for: read).chapter.blocks
    }

    /// The lines that differ, with two lines of context, each marked `-` (golden) or `+` (produced).
    static func lineDiff(_ old: String, _ new: String) -> String {
        let old = old.split(separator: "\n", omittingEmptySubsequences: false)
        let new = new.split(separator: "\n", omittingEmptySubsequences: false)
        var prefix = 0
        while prefix < min(old.count, new.count), old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(old.count, new.count) - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] {
            suffix += 1
        }
        let context = old[max(0, prefix - 2)..<prefix].map { "  " + $0 }
        let removed = old[prefix..<(old.count - suffix)].map { "- " + $0 }
        let added = new[prefix..<(new.count - suffix)].map { "+ " + $0 }
        let after = old[(old.count - suffix)..<min(old.count, old.count - suffix + 2)].map { "  " + $0 }
        return "@@ line \(prefix + 1) @@\n" + (context + removed + added + after).joined(separator: "\n")
    }

    // MARK: - Whole pipeline

    @Test func producesValidBlocksFromSoup() {
        let html = """
            <div class="ar_articleContent" id="ar_bArticleContent">
             【明慧网】开头
             <p>
              段落一
              <center><table><tr><td><img src="//x.org/a.jpg" alt="照片"/></td></tr></table></center>
              <p>
               <b>小标题</b>
               <p>段落二<ok href="../pages/73/2.md">镜像</ok><ok href="/mh/a.html">原站</ok>
            <script>ads()</script><ins class="adsbygoogle"></ins><img src="t.gif" width="0px" height="0px"/>
            </p></p></p></div>
            """
        let blocks = writer.chapter(for: article(html, source: "http://www.minghui.org/mh/articles/1.html")).chapter.blocks
        #expect(blocks == [
            "<p>【明慧网】开头</p>",
            "<p>段落一</p>",
            "<table><tbody><tr><td><span class=\"image-missing\">［<a href=\"http://x.org/a.jpg\">图片</a>：照片］</span>"
                + "</td></tr></tbody></table>",
            "<p><b>小标题</b></p>",
            "<p>段落二镜像<a href=\"http://www.minghui.org/mh/a.html\">原站</a></p>",
        ])
    }

    @Test func onlyTheKoboProfileAddsSentenceSpans() {
        var kobo = XHTMLWriter(language: "zh")
        kobo.device = DeviceProfile(.kobo)
        let body = article("<p>第一句。第二句！</p><p>Last one.</p>")
        #expect(kobo.chapter(for: body).chapter.blocks == [
            "<p><span class=\"koboSpan\" id=\"kobo.1.1\">第一句。</span><span class=\"koboSpan\" id=\"kobo.1.2\">第二句！</span></p>",
            "<p><span class=\"koboSpan\" id=\"kobo.2.1\">Last one.</span></p>",
        ])
        #expect(writer.chapter(for: body).chapter.blocks == ["<p>第一句。第二句！</p>", "<p>Last one.</p>"])
    }

    @Test func placeholdersFollowTheBookLanguage() {
        let blocks = XHTMLWriter(language: "en").chapter(for: article("<img src='a.jpg' alt='A'>")).chapter.blocks
        #expect(blocks == ["<p><span class=\"image-missing\">[Image: A]</span></p>"])
    }

    @Test func dataImagesAreStoredOnceAndCorruptOnesReported() throws {
        let png = TestImages.uri(TestImages.png), gif = TestImages.uri(TestImages.gif, declaring: "image/jpeg")
        let html = "<p>一<img src='\(png)' alt='图'></p><p><img src='\(gif)'><img src='\(png)'></p>"
            + "<p>二<img src='data:image/png;base64,#' alt='坏'></p><div class='share'><img src='a.md.png'></div>"
        let (chapter, diagnostics) = writer.chapter(for: article(html))
        #expect(chapter.images.map(\.mediaType) == ["image/png", "image/gif"])
        let names = chapter.images.map(\.name)
        #expect(chapter.blocks == ["<p>一<img alt=\"图\" src=\"../images/\(names[0])\"/></p>",
                                   "<p><img alt=\"\" src=\"../images/\(names[1])\"/><img alt=\"\" src=\"../images/\(names[0])\"/></p>",
                                   "<p>二<span class=\"image-missing\">［图片：坏］</span></p>"])
        #expect(diagnostics.map(\.message) == ["an embedded data: image cannot be decoded; replaced by a placeholder"])
    }

    @Test func linksToOtherArticlesOfTheBookBecomeChapterLinks() {
        let other = ArticleHeader(id: "2", channel: "73", title: "U", date: nil, source: "http://www.minghui.org/mh/articles/2.html",
                                  site: nil, files: ["pages/73/2.md"])
        let volume = Volume(key: "k", title: "t", subtitle: nil, collection: "c", fileName: "f.epub", language: "zh",
                            sections: [VolumeSection(title: nil, articles: [article("").header, other])])
        let html = "<p><ok href='../pages/73/2.md'>镜像</ok><ok href='/mh/articles/2.html'>原站</ok><ok href='3.md'>缺</ok></p>"
        let blocks = XHTMLWriter(language: "zh", links: BookLinks(volume: volume))
            .chapter(for: article(html, source: "http://www.minghui.org/mh/articles/1.html")).chapter.blocks
        #expect(blocks == ["<p><a href=\"c0002.xhtml\">镜像</a><a href=\"c0002.xhtml\">原站</a>缺</p>"])
    }

    @Test func anArticleThatIsOnlyAVideoKeepsAPlaceholder() {
        let html = "<p><video controls><source src='http://media4.minghui.org/v.mp4'>Your browser does not support"
            + " the video tag.</video><script>videoEnded()</script></p>"
        let (chapter, diagnostics) = writer.chapter(for: article(html))
        #expect(chapter.blocks == ["<p><span class=\"media-missing\">［视频］ <a href=\"http://media4.minghui.org/v.mp4\">"
            + "http://media4.minghui.org/v.mp4</a></span></p>"])
        #expect(diagnostics.isEmpty)
    }

    @Test func anEmptyBodyIsReported() {
        let (chapter, diagnostics) = writer.chapter(for: article("<script>x</script> <p>&nbsp;</p>"))
        #expect(chapter.blocks.isEmpty)
        #expect(diagnostics.map(\.severity) == [.warning])
        #expect(diagnostics.first?.file == "pages/73/1.md")
    }

    @Test func tenThousandDeepInputIsSafeInsideATask() async {
        let html = nested("p", depth: 10_000, around: "深") + nested("div", depth: 10_000, around: "x")
            + nested("b", depth: 10_000, around: "粗")
        let writer = self.writer
        let (chapter, diagnostics) = await Task { writer.chapter(for: article(html)) }.value
        #expect(chapter.blocks.joined().contains("深"))
        #expect(chapter.blocks.joined().contains("粗"))
        #expect(diagnostics.map(\.severity) == [.note])
    }

    @Test func theDiffShowsOnlyTheChangedLines() {
        #expect(Self.lineDiff("a\nb\nc\nd\n", "a\nb\nX\nd\n") == "@@ line 3 @@\n  a\n  b\n- c\n+ X\n  d\n  ")
    }

    @Test func sameInputSameBlocks() {
        let html = "<p a=1 b=2 lang=zh dir=ltr>x</p>"
        #expect(writer.chapter(for: article(html)).chapter == writer.chapter(for: article(html)).chapter)
        #expect(writer.chapter(for: article(html)).chapter.blocks == ["<p dir=\"ltr\" lang=\"zh\">x</p>"])
    }

    @Test func aBodyOfEscapedMarkupIsReadAsHTMLAndNoted() {
        let escaped = "&lt;div&gt;&lt;p&gt;第一段。&lt;/p&gt;&lt;p&gt;第二段。&lt;/p&gt;&lt;/div&gt;"
        let (chapter, diagnostics) = writer.chapter(for: article(escaped))
        #expect(chapter.blocks == ["<p>第一段。</p>", "<p>第二段。</p>"])
        #expect(diagnostics.contains { $0.severity == .note && $0.message.hasPrefix("the body was HTML escaped as text") })
        // An article quoting a tag or two, or followed by escaped markup, is text.
        let quoting = writer.chapter(for: article("<p>换行用 &lt;br&gt; 标记。</p>"))
        #expect(quoting.chapter.blocks == ["<p>换行用 &lt;br&gt; 标记。</p>"])
        #expect(quoting.diagnostics.isEmpty)
    }
}

