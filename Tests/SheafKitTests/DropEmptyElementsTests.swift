import Testing
@testable import SheafKit

@Suite struct DropEmptyElementsTests {
    @Test func emptyParagraphsAndContainersGo() {
        let html = "<p> </p><p>&nbsp;<br/></p><div><p>\u{3000}</p></div><p>a</p><ul><li> </li></ul>"
        #expect(rewritten(html, by: DropEmptyElements()) == "   <p>a</p> ")
    }

    @Test func emptiedInlineElementsLeaveASpace() {
        #expect(rewritten("<p>word<b> </b>word<i></i>!</p>", by: DropEmptyElements()) == "<p>word word!</p>")
    }

    @Test func breaksAtTheEdgesOfBlocksGo() {
        #expect(rewritten("<p><br/> a<br/>b <br><br></p>", by: DropEmptyElements()) == "<p> a<br/>b </p>")
    }

    @Test func rulesPlaceholdersAndCellsStay() {
        let html = "<hr/><p><span class='image-missing'>［图片］</span></p><table><tr><td></td><td>x</td></tr></table>"
        #expect(rewritten(html, by: DropEmptyElements()) == "<hr/><p><span class=\"image-missing\">［图片］</span></p>"
            + "<table><tr><td></td><td>x</td></tr></table>")
    }

    @Test func tablesOfEmptyCellsGo() {
        #expect(rewritten("<table><tr><td> </td></tr></table>", by: DropEmptyElements()) == "")
    }
}
