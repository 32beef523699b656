import Testing
@testable import SheafKit

@Suite struct RepairContentModelTests {
    /// Builds trees directly: libxml2 would already repair some of these cases while parsing.
    private func repaired(_ nodes: [HTMLNode]) -> String {
        RepairContentModel().rewrite(nodes).map(XHTMLSerializer.serialize).joined()
    }

    @Test func paragraphHoldingABlockIsSplitAroundIt() {
        let p = HTMLNode.element("p", [:], [.text("a"), .element("ul", [:], [.element("li", [:], [.text("i")])]), .text("b")])
        #expect(repaired([p]) == "<p>a</p><ul><li>i</li></ul><p>b</p>")
    }

    @Test func inlineFormattingIsCarriedIntoBlocks() {
        let b = HTMLNode.element("b", [:], [.text("x"), .element("p", [:], [.text("y")]), .element("div", [:], [.text("z")])])
        #expect(repaired([.element("div", [:], [b])]) == "<div><b>x</b><p><b>y</b></p><div><b>z</b></div></div>")
    }

    @Test func nestedSplitsReachValidity() {
        let a = HTMLNode.element("a", ["href": "http://x.org/"], [.element("div", [:], [.element("p", [:], [.text("t")])])])
        #expect(repaired([.element("p", [:], [.element("span", [:], [a])])])
            == "<div><p><span><a href=\"http://x.org/\">t</a></span></p></div>")
    }

    @Test func headingHoldingAParagraphKeepsBeingAHeading() {
        let h = HTMLNode.element("h2", [:], [.element("p", [:], [.text("t")])])
        #expect(repaired([h]) == "<h2>t</h2>")
    }

    @Test func strayItemsRowsAndCellsGetTheirStructure() {
        let nodes: [HTMLNode] = [
            .element("li", [:], [.text("a")]), .text(" "), .element("li", [:], [.text("b")]),
            .element("td", [:], [.text("c")]), .element("dd", [:], [.text("d")]),
        ]
        #expect(repaired(nodes) == "<ul><li>a</li><li>b</li></ul><table><tbody><tr><td>c</td></tr></tbody></table>"
            + "<div><div>d</div></div>")
    }

    @Test func headingsInHeaderCellsBecomeParagraphs() {
        let table = HTMLNode.element("table", [:], [.element("tr", [:], [.element("th", [:], [.element("h3", [:], [.text("t")])])])])
        #expect(repaired([table]) == "<table><tbody><tr><th><p>t</p></th></tr></tbody></table>")
    }

    @Test func inlineFormattingReachesListItemsAndCells() {
        let list = HTMLNode.element("ul", [:], [.element("li", [:], [.text("i")]), .text(" "), .element("li", [:], [.text("j")])])
        let table = HTMLNode.element("table", [:], [.element("tr", [:], [.element("td", [:], [.text("c")])])])
        #expect(repaired([.element("b", [:], [.text("x"), list, table])])
            == "<b>x</b><ul><li><b>i</b></li><li><b>j</b></li></ul>"
            + "<table><tbody><tr><td><b>c</b></td></tr></tbody></table>")
    }

    @Test func aListInsideAParagraphIsMovedOutUnformatted() {
        let list = HTMLNode.element("ol", [:], [.element("li", [:], [.text("i")])])
        #expect(repaired([.element("p", [:], [.text("x"), list])]) == "<p>x</p><ol><li>i</li></ol>")
    }

    @Test func figuresKeepOneCaptionAtAnEdge() {
        let figure = HTMLNode.element("figure", [:], [
            .element("figcaption", [:], [.text("top")]), .element("span", [:], [.text("img")]),
            .element("figcaption", [:], [.text("bottom")]),
        ])
        #expect(repaired([figure, .element("figcaption", [:], [.text("stray")])])
            == "<figure><figcaption>top</figcaption><span>img</span><div>bottom</div></figure><div>stray</div>")
    }

    @Test func aFigureInsideAParagraphSplitsIt() {
        let figure = HTMLNode.element("figure", [:], [.element("span", [:], [.text("img")])])
        #expect(repaired([.element("p", [:], [.text("x"), figure, .text("y")])])
            == "<p>x</p><figure><p><span>img</span></p></figure><p>y</p>")
    }
}
