import Testing
@testable import SheafKit

@Suite struct XHTMLSerializerTests {
    @Test func escapesOnlyWhatXMLNeeds() {
        let node = HTMLNode.element("a", ["href": "http://x.org/?a=1&b=\"2\"", "class": "c'd"], [.text("<&>\"' 中文 😀")])
        #expect(XHTMLSerializer.serialize(node)
            == "<a class=\"c'd\" href=\"http://x.org/?a=1&amp;b=&quot;2&quot;\">&lt;&amp;&gt;\"' 中文 😀</a>")
    }

    @Test func voidElementsCloseThemselves() {
        #expect(XHTMLSerializer.serialize(.element("p", [:], [.text("a"), .element("br"), .element("td")]))
            == "<p>a<br/><td></td></p>")
    }

    @Test func illegalCharactersNeverReachTheOutput() {
        #expect(XHTMLSerializer.serialize(.element("p", ["lang": "e\u{1}n"], [.text("a\u{8}b\u{FFFF}")])) == "<p lang=\"en\">ab</p>")
    }
}
