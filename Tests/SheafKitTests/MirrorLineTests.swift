import Testing
@testable import SheafKit

@Suite struct MirrorLineTests {
    func line(_ text: String) -> ArraySlice<UInt8> { Array(text.utf8)[...] }

    @Test func readsHeadings() throws {
        let title = try #require(MirrorLine.heading(line("### 苏共与中共：相似的谎言  ")))
        #expect(title.level == 3)
        #expect(String(decoding: title.content, as: UTF8.self) == "苏共与中共：相似的谎言")
        #expect(MirrorLine.heading(line("###"))?.content.isEmpty == true)
        #expect(MirrorLine.heading(line("###title")) == nil)
        #expect(MirrorLine.heading(line("####### seven")) == nil)
        #expect(MirrorLine.heading(line("    ### code")) == nil)
    }

    @Test(arguments: [
        "#### [首页](../../README.md)  &nbsp;&nbsp;|&nbsp;&nbsp; [看大陆](../../indexes/S看大陆.md)",
        "#### [ 🔥  中共何時垮台？劉伯溫預言給答案 | 独家解析](http://example.org/links/brain.html)",
        "#### [ 💌 好消息](https://example.org/a.md) &nbsp; | &nbsp;[退出](https://example.org/b.md) ",
        "#### [首页](https://example.org/README.md) &nbsp;| [《九评》](https://example.org/README.md#九评之一)",
    ])
    func recognizesLinkHeadings(text: String) {
        #expect(MirrorLine.isLinkHeading(line(text)))
    }

    @Test(arguments: [
        "#### 由于频繁封锁，请参考 [手把手翻墙教程](https://example.org/wiki/)",
        "[首页](../../README.md) | [看大陆](x.md)",
        "#### [未闭合](https://example.org",
        "####",
        " <p>#### [x](y)</p>",
    ])
    func rejectsOtherLines(text: String) {
        #expect(!MirrorLine.isLinkHeading(line(text)))
    }

    @Test func recognizesDashRules() {
        #expect(MirrorLine.isDashes(line("---")))
        #expect(MirrorLine.isDashes(line("------------------------  ")))
        #expect(!MirrorLine.isDashes(line("--")))
        #expect(!MirrorLine.isDashes(line("    ---")))
        #expect(!MirrorLine.isDashes(line("--- text")))
        #expect(!MirrorLine.isDashes(line("***")))
    }

    @Test(arguments: [
        ("原文地址（需翻墙访问）：https://www.secretchina.com/news/gb/2020/11/03/951211.html",
         "https://www.secretchina.com/news/gb/2020/11/03/951211.html"),
        ("原文链接：https://www.epochtimes.com/gb/20/3/8/n11924364.htm <br/>",
         "https://www.epochtimes.com/gb/20/3/8/n11924364.htm"),
        ("原文地址: http://www.minghui.org/mh/articles/2020/6/20/苏共与中共 相似的谎言-407787.html",
         "http://www.minghui.org/mh/articles/2020/6/20/苏共与中共 相似的谎言-407787.html"),
        ("  原文：www.example.org/a  ", "www.example.org/a"),
    ])
    func readsSourceLines(text: String, url: String) {
        #expect(MirrorLine.sourceURL(line(text)) == url)
    }

    @Test(arguments: ["附《阅微草堂笔记》相关原文字如下：", "原文字如下：", "原文：见下", "原文地址（需翻墙访问）：", "来源：https://x.org"])
    func rejectsLinesThatAreNotSourceLines(text: String) {
        #expect(MirrorLine.sourceURL(line(text)) == nil)
    }

    @Test func recognizesTrackingPixels() {
        #expect(MirrorLine.isTrackingPixel(line("<img src='http://x.win/p1/951211.md' width='0px' height='0px'/>")))
        #expect(MirrorLine.isTrackingPixel(line("<img src=\"t.gif\" height=\"0\" width=0>")))
        #expect(!MirrorLine.isTrackingPixel(line("<img src='a.jpg' width='0px' height='10px'/>")))
        #expect(!MirrorLine.isTrackingPixel(line("<img src='a.jpg' width='05' height='0'/>")))
        #expect(!MirrorLine.isTrackingPixel(line("<p width='0' height='0'>")))
    }
}
