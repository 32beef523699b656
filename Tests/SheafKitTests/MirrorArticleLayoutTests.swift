import Testing
@testable import SheafKit

@Suite struct MirrorArticleLayoutTests {
    static let nav = "#### [首页](https://example.org/README.md) &nbsp;&nbsp;|&nbsp;&nbsp; [教程](https://example.org/wiki)"
    static let share = """
        <hr/>
        手机上长按并复制下列链接或二维码分享本文章：<br/>
        https://example.org/pages/73/407787.md <br/>
        <a href='https://example.org/pages/73/407787.md'><img src='https://example.org/pages/73/407787.md.png'/></a> <br/>
        """

    func layout(_ text: String) -> MirrorArticleLayout { MirrorArticleLayout(Array(text.utf8)) }
    func body(_ layout: MirrorArticleLayout) -> String { String(decoding: layout.body, as: UTF8.self) }

    @Test func findsTheParts() {
        let parts = layout("""
            ### 标题  
            ------------------------

            \(Self.nav)



            <div class="ar_articleContent">
             正文<hr/>
             <p>
              最后一段
             </p>
            </div>

            \(Self.share)
            原文地址（需翻墙访问）：http://www.minghui.org/mh/articles/2020/6/20/407787.html


            ------------------------
            \(Self.nav)

            <img src='http://example.org/p.md' width='0px' height='0px'/>
            """)
        #expect(parts.title == "标题")
        #expect(body(parts) == "<div class=\"ar_articleContent\">\n 正文<hr/>\n <p>\n  最后一段\n </p>\n</div>")
        #expect(parts.source == "http://www.minghui.org/mh/articles/2020/6/20/407787.html")
    }

    @Test func dropsPromoLinesAndRulesInsideTheBody() {
        let parts = layout("""
            ### 标题
            <div>
             <p>第一段</p>

            ---

            #### [ 🔥  禁书下载](https://example.org/books)

            #### [ 🎬 视频](http://example.org/v/) &nbsp; | &nbsp;[其它](http://example.org/w/)
             <p>第二段</p>
            </div>
            """)
        #expect(body(parts) == "<div>\n <p>第一段</p>\n\n\n\n <p>第二段</p>\n</div>")
    }

    @Test func keepsContentThatLooksLikeAShareBlockButIsNot() {
        let parts = layout("""
            ### 标题
            <div>
             <p>上文</p>
            <hr/>
             <p>分隔线之后的正文</p>
            </div>
            原文链接：https://example.org/2020/1/2/a.html
            """)
        #expect(body(parts).hasSuffix("<hr/>\n <p>分隔线之后的正文</p>\n</div>"))
        #expect(parts.source == "https://example.org/2020/1/2/a.html")
    }

    @Test func worksWithoutNavigationShareBlockOrSource() {
        let parts = layout("### 标题\n<p>只有正文</p>\n")
        #expect(parts.title == "标题")
        #expect(body(parts) == "<p>只有正文</p>")
        #expect(parts.source == nil)
    }

    @Test func worksWithoutATitle() {
        let parts = layout("------------------------\n\(Self.nav)\n<p>正文</p>\n")
        #expect(parts.title == nil)
        #expect(body(parts) == "<p>正文</p>")
    }

    @Test func takesOnlyTheLastSourceLine() {
        let parts = layout("### t\n<p>x</p>\n原文：https://a.example/1\n原文：https://b.example/2\n")
        #expect(parts.source == "https://b.example/2")
        #expect(body(parts) == "<p>x</p>\n原文：https://a.example/1")
    }

    @Test func noticesProseHeadingsInTheBody() {
        #expect(layout("#### 安卓系统用户\n点击右上角\n<img src='1.png'/>\n").hasProseHeadings)
        #expect(!layout("### 标题\n#### [ 🔥 推广](https://x.org/a)\n<p>正文</p>\n").hasProseHeadings)
    }

    @Test func splitsLines() {
        #expect(MirrorArticleLayout.lines(of: Array("a\n\nbc".utf8)) == [0..<1, 2..<2, 3..<5])
        #expect(MirrorArticleLayout.lines(of: Array("a\n".utf8)) == [0..<1])
        #expect(MirrorArticleLayout.lines(of: []) == [])
    }
}
