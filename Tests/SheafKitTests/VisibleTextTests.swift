import Testing
@testable import SheafKit

@Suite struct VisibleTextTests {
    func visible(_ html: String, _ whitespace: VisibleText.Whitespace = .remove, limit: Int = .max) -> String {
        VisibleText.of(Array(html.utf8)[...], byteLimit: limit, whitespace: whitespace)
    }

    @Test func dropsTagsCommentsScriptsAndStyles() {
        let html = "<p>A<!-- <b>x</b> --><script>var s = \"</p>B\";</script><style>p{}</style>C</p>"
        #expect(visible(html) == "AC")
    }

    @Test func skipsQuotedGreaterThanInsideTags() {
        #expect(visible("<img alt=\"a>b\" title='c>d'>E") == "E")
    }

    @Test func keepsLessThanThatIsNotMarkup() {
        #expect(visible("1 < 2 <3") == "1<2<3")
    }

    @Test func decodesEntitiesAfterStripping() {
        #expect(visible("&lt;b&gt;bold&lt;/b&gt;") == "<b>bold</b>")
    }

    @Test func removesOrCollapsesAllKindsOfSpace() {
        let html = "  明慧\n  <ok href='x'>网</ok>\u{3000}二零&nbsp;二零\u{A0}\u{200B}年 "
        #expect(visible(html) == "明慧网二零二零年")
        #expect(visible(html, .collapse) == "明慧 网 二零 二零 年")
    }

    @Test func readsOnlyUpToTheByteLimit() {
        #expect(visible("abc<b>def</b>", limit: 3) == "abc")
    }

    @Test func survivesUnclosedMarkup() {
        #expect(visible("text <div class=\"open") == "text")
        #expect(visible("a<!-- never closed") == "a")
        #expect(visible("a<script>never closed") == "a")
    }
}
