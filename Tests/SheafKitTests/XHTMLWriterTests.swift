import Foundation
import Testing
@testable import SheafKit

@Suite struct XHTMLWriterTests {
    let writer = XHTMLWriter(language: "zh")

    private func article(_ html: String, source: String? = nil) -> Article {
        Article(header: ArticleHeader(id: "1", channel: "73", title: "T", date: nil, source: source, site: nil,
                                      files: ["pages/73/1.md"]), bodyHTML: html)
    }

    // MARK: - Golden files

    /// `Fixtures/XHTML/<case>.html` → `<case>.xhtml` (one block per line); `RECORD_SNAPSHOTS=1` re-records.
    @Test(arguments: ["seed", "deep-chain"])
    func matchesItsGoldenFile(_ name: String) throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/XHTML")
        let html = try String(contentsOf: folder.appendingPathComponent(name + ".html"), encoding: .utf8)
        let source = "https://www.secretchina.com/news/gb/2020/11/03/950226.html"
        let produced = writer.chapter(for: article(html, source: source)).chapter.blocks.joined(separator: "\n") + "\n"
        let golden = folder.appendingPathComponent(name + ".xhtml")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try produced.write(to: golden, atomically: true, encoding: .utf8)
        }
        #expect(produced == (try String(contentsOf: golden, encoding: .utf8)))
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
            "<table><tbody><tr><td><span class=\"image-missing\">［图片：照片］ <a href=\"http://x.org/a.jpg\">"
                + "http://x.org/a.jpg</a></span></td></tr></tbody></table>",
            "<p><b>小标题</b></p>",
            "<p>段落二镜像<a href=\"http://www.minghui.org/mh/a.html\">原站</a></p>",
        ])
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

    @Test func sameInputSameBlocks() {
        let html = "<p a=1 b=2 lang=zh dir=ltr>x</p>"
        #expect(writer.chapter(for: article(html)).chapter == writer.chapter(for: article(html)).chapter)
        #expect(writer.chapter(for: article(html)).chapter.blocks == ["<p dir=\"ltr\" lang=\"zh\">x</p>"])
    }
}
