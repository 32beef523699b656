import Testing
@testable import SheafKit

@Suite struct RemoveFurnitureTests {
    @Test func dropsScriptsEmbedsAndForms() {
        let html = "<div>a<script>var x = 1;</script><iframe src='x'></iframe><video><source src=v></video>"
            + "<input type=text><button>b</button><noscript>n</noscript><style>p{}</style>z</div>"
        #expect(rewritten(html, by: RemoveFurniture()) == "<div>az</div>")
    }

    @Test func dropsAdSlots() {
        let html = "<div>a<ins class='adsbygoogle'>ad</ins><div id='div-gpt-ad-123'>ad</div>"
            + "<div class='trc_rbox taboola-widget'>ad</div>b</div>"
        #expect(rewritten(html, by: RemoveFurniture()) == "<div>ab</div>")
    }

    @Test func dropsHiddenElements() {
        let html = "<p>a<span id=hideid style='color:red;display: none;'><span href='x'>h</span></span>"
            + "<span style='VISIBILITY:hidden'>h</span><span hidden>h</span>b</p>"
        #expect(rewritten(html, by: RemoveFurniture()) == "<p>ab</p>")
    }

    @Test func keepsOrdinaryContent() {
        let html = "<p style='text-align:center'>a <ins>inserted</ins> <span class='advertiser-name'>b</span></p>"
        #expect(rewritten(html, by: RemoveFurniture()).contains("inserted"))
        #expect(rewritten(html, by: RemoveFurniture()).contains(">b<"))
    }
}
