import Testing
@testable import SheafKit

@Suite struct HTMLRewriterTests {
    @Test func rewritingElementsWorksBottomUp() {
        let nodes: [HTMLNode] = [.element("div", [:], [.element("b", [:], [.text("x")]), .text("y")])]
        var seen: [String] = []
        let result = nodes.rewritingElements { element in
            seen.append(element.name)
            return element.name == "b" ? element.children : [.element(element)]
        }
        #expect(seen == ["b", "div"])
        #expect(result == [.element("div", [:], [.text("x"), .text("y")])])
    }

    @Test func blankMeansOnlySpacesAndBreaks() {
        #expect([HTMLNode.text(" \u{A0}\u{3000}\n"), .element("br"), .element("span", [:], [.text(" ")])].isBlank)
        #expect(![HTMLNode.text(" x ")].isBlank)
        #expect(![HTMLNode.element("hr")].isBlank)
        #expect(![HTMLNode.element("td")].isBlank)
    }
}
