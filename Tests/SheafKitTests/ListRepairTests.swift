import Testing
@testable import SheafKit

@Suite struct ListRepairTests {
    private func list(_ children: [HTMLNode]) -> String {
        XHTMLSerializer.serialize(.element(ListRepair.list(HTMLElement(name: "ul", children: children))))
    }

    @Test func strayContentJoinsThePreviousItem() {
        let nested = HTMLNode.element("ol", [:], [.element("li", [:], [.text("b")])])
        #expect(list([.element("li", [:], [.text("a")]), nested]) == "<ul><li>a<ol><li>b</li></ol></li></ul>")
    }

    @Test func strayContentBeforeAnyItemGetsItsOwn() {
        #expect(list([.element("p", [:], [.text("x")]), .element("li", [:], [.text("a")])])
            == "<ul><li><p>x</p></li><li>a</li></ul>")
        #expect(list([.text("\n "), .element("li", [:], [.text("a")])]) == "<ul><li>a</li></ul>")
    }

    @Test func definitionListsMustPairTermsAndDefinitions() {
        #expect(ListRepair.followsTermsThenDefinitions(["dt", "dt", "dd", "dt", "dd", "dd"]))
        #expect(!ListRepair.followsTermsThenDefinitions(["dd"]))
        #expect(!ListRepair.followsTermsThenDefinitions(["dt"]))
        #expect(!ListRepair.followsTermsThenDefinitions([]))
        let loose = ListRepair.definitionList(HTMLElement(name: "dl", children: [.element("dt", [:], [.text("t")])]))
        #expect(loose.map(XHTMLSerializer.serialize) == ["<div><div>t</div></div>"])
    }
}
