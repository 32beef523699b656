import Testing
@testable import SheafKit

@Suite struct TableRepairTests {
    private func table(_ children: [HTMLNode]) -> String {
        TableRepair.table(HTMLElement(name: "table", children: children)).map(XHTMLSerializer.serialize).joined()
    }

    @Test func rowsFromSectionsAndLooseCellsGoIntoOneBody() {
        let nodes: [HTMLNode] = [
            .element("caption", [:], [.text("c")]),
            .element("thead", [:], [.element("tr", [:], [.element("th", [:], [.text("h")])])]),
            .element("td", [:], [.text("a")]), .element("td", [:], [.text("b")]),
        ]
        #expect(table(nodes) == "<table><caption>c</caption><tbody><tr><th>h</th></tr><tr><td>a</td><td>b</td></tr></tbody></table>")
    }

    @Test func contentBetweenRowsMovesBeforeTheTable() {
        let nodes: [HTMLNode] = [.element("tr", [:], [.element("td", [:], [.text("a")])]), .element("p", [:], [.text("x")])]
        #expect(table(nodes) == "<p>x</p><table><tbody><tr><td>a</td></tr></tbody></table>")
    }

    @Test func aTableWithoutRowsLeavesItsContent() {
        #expect(table([.text("x"), .element("caption", [:], [.text("c")])]) == "x<div>c</div>")
    }

    @Test func aCaptionHoldingATableMovesOut() {
        let inner = HTMLNode.element("table", [:], [.element("tbody", [:], [.element("tr", [:], [.element("td", [:], [.text("x")])])])])
        let nodes: [HTMLNode] = [.element("caption", [:], [inner]), .element("tr", [:], [.element("td", [:], [.text("r")])])]
        #expect(table(nodes) == "<div><table><tbody><tr><td>x</td></tr></tbody></table></div>"
            + "<table><tbody><tr><td>r</td></tr></tbody></table>")
    }

    @Test func rowsHoldOnlyCells() {
        let row = HTMLElement(name: "tr", children: [.text("a"), .element("td", [:], [.text("b")]), .element("b", [:], [.text("c")])])
        #expect(TableRepair.row(row).map(XHTMLSerializer.serialize) == ["<tr><td>a</td><td>b<b>c</b></td></tr>"])
        #expect(TableRepair.row(HTMLElement(name: "tr", children: [.text(" ")])).isEmpty)
    }
}
