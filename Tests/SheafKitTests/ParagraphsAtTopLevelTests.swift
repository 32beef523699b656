import Testing
@testable import SheafKit

@Suite struct ParagraphsAtTopLevelTests {
    @Test func looseInlineContentIsWrapped() {
        #expect(rewritten("<div>a <b>b</b><p>c</p>d</div>", by: ParagraphsAtTopLevel()) == "<p>a <b>b</b></p><p>c</p><p>d</p>")
    }

    @Test func wrapperDivisionsDissolveIntoBlocks() {
        let html = "<div><div>x</div>y<div><p>z</p></div></div><ul><li>i</li></ul>"
        #expect(rewritten(html, by: ParagraphsAtTopLevel()) == "<p>x</p><p>y</p><p>z</p><ul><li>i</li></ul>")
    }

    @Test func blankRunsAndEdgeBreaksGo() {
        #expect(rewritten("<div> <br/> <p>a</p> <br> </div>", by: ParagraphsAtTopLevel()) == "<p>a</p>")
    }

    @Test func divisionsWithAttributesStay() {
        let div = HTMLNode.element("div", ["lang": "en"], [.text("x")])
        #expect(ParagraphsAtTopLevel().rewrite([div]) == [div])
    }
}
