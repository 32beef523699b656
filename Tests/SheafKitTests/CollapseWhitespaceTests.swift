import Testing
@testable import SheafKit

@Suite struct CollapseWhitespaceTests {
    @Test func prettyPrintingBetweenCJKCharactersGoes() {
        let html = "<p>\n  随着AI\n  <strong>\n   人脸识别\n  </strong>\n  技术的发展，“\n  <b>刷脸</b>\n  ”来解决\n</p>"
        #expect(rewritten(html, by: CollapseWhitespace()) == "<p>随着AI <strong>人脸识别</strong>技术的发展，“<b>刷脸</b>”来解决</p>")
    }

    @Test func latinWordsStayApart() {
        let html = "<p> Sarah\n   <b>\n Rhen </b>\n said\t\t so <i>x</i>y </p>"
        #expect(rewritten(html, by: CollapseWhitespace()) == "<p>Sarah <b>Rhen </b>said so <i>x</i>y</p>")
    }

    @Test func blocksAndBreaksAreEdges() {
        let html = "<div> a <p> b </p> c <br/> d </div>"
        #expect(rewritten(html, by: CollapseWhitespace()) == "<div>a<p>b</p>c<br/>d</div>")
    }

    @Test func preformattedTextAndHardSpacesStay() {
        let html = "<pre> a\n  b </pre><p>\u{3000}\u{3000}段落 x\u{A0} y</p>"
        #expect(rewritten(html, by: CollapseWhitespace()) == "<pre> a\n  b </pre><p>\u{3000}\u{3000}段落 x\u{A0} y</p>")
    }
}
