import Testing
@testable import SheafKit

@Suite struct UniqueIdentifiersTests {
    @Test func duplicatesAreNumberedInDocumentOrder() {
        let html = "<div id=x><p id=x>a</p></div><p id=x>b</p><p id=x-2>c</p>"
        #expect(rewritten(html, by: KeepKnownElements(), UniqueIdentifiers())
            == "<div id=\"x\"><p id=\"x-2\">a</p></div><p id=\"x-3\">b</p><p id=\"x-2-2\">c</p>")
    }

    @Test func idsXMLRejectsAreDropped() {
        let html = "<p id='1a'>a</p><p id='a b'>b</p><p id='o:p'>c</p><p id=''>d</p><p id='节一'>e</p><p id='_a.b-1'>f</p>"
        #expect(rewritten(html, by: KeepKnownElements(), UniqueIdentifiers())
            == "<p>a</p><p>b</p><p>c</p><p>d</p><p id=\"节一\">e</p><p id=\"_a.b-1\">f</p>")
    }

    @Test func onlyCarriersKeepIds() {
        let nodes: [HTMLNode] = [.element("br", ["id": "a"]), .element("b", ["id": "b"], [.text("t")])]
        #expect(UniqueIdentifiers().rewrite(nodes) == [.element("br"), .element("b", [:], [.text("t")])])
    }

    @Test func hiddenElementsTakeTheirIdsAlong() {
        let html = "<span id=n style='display:none'>x</span><span id=n style='display: none'>y</span><p id=n>z</p>"
        #expect(rewritten(html, by: RemoveFurniture(), KeepKnownElements(), UniqueIdentifiers()) == "<p id=\"n\">z</p>")
    }

    @Test func namesFollowXML() {
        #expect(UniqueIdentifiers.isName("a·b"))
        #expect(!UniqueIdentifiers.isName("-a"))
        #expect(!UniqueIdentifiers.isName("ªa"))
        #expect(!UniqueIdentifiers.isName("a\u{3000}b"))
    }
}
