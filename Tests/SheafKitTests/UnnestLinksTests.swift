import Testing
@testable import SheafKit

@Suite struct UnnestLinksTests {
    @Test func innerLinksAreUnwrapped() {
        let inner = HTMLNode.element("a", ["href": "http://b.org/"], [.text("b")])
        let outer = HTMLNode.element("a", ["href": "http://a.org/"], [.text("a"), .element("b", [:], [inner])])
        #expect(UnnestLinks().rewrite([.element("p", [:], [outer, inner])]).map(XHTMLSerializer.serialize)
            == ["<p><a href=\"http://a.org/\">a<b>b</b></a><a href=\"http://b.org/\">b</a></p>"])
    }
}
