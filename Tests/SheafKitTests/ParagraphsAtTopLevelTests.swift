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

    /// Spaces at a run's edges go, character by character: a space carrying a combining mark is a letter's base.
    @Test func edgeSpacesOfARunGo() {
        let run: [HTMLNode] = [.text("  中文 x  "), .element("b", [:], [.text("y")]), .text(" \u{301}z\u{301} ")]
        #expect(ParagraphsAtTopLevel().rewrite(run)
            == [.element("p", [:], [.text("中文 x  "), .element("b", [:], [.text("y")]), .text(" \u{301}z\u{301}")])])
        #expect(ParagraphsAtTopLevel().rewrite([.text(" \u{301}a")]) == [.element("p", [:], [.text(" \u{301}a")])])
    }
}
