import Testing
@testable import SheafKit

@Suite struct RewriteLinksTests {
    let links = RewriteLinks(source: "https://www.epochtimes.com/gb/20/3/8/n1.htm")

    @Test func everyKindOfLinkBecomesAnAnchor() {
        let html = "<p><ok href='/gb/tag/神韵.html' target=_blank>a</ok><span href='https://x.org/'>b</span>"
            + "<a href='http://y.org/' title=t>c</a></p>"
        #expect(rewritten(html, by: links) == "<p><a href=\"https://www.epochtimes.com/gb/tag/%E7%A5%9E%E9%9F%B5.html\">a</a>"
            + "<a href=\"https://x.org/\">b</a><a href=\"http://y.org/\">c</a></p>")
    }

    @Test func unusableLinksLeaveTheirText() {
        let html = "<p><ok href='../pages/73/1.md'>mirror</ok><a href='javascript:x()'>js</a><ok>bare</ok>"
            + "<a name='n'>anchor</a></p>"
        #expect(rewritten(html, by: links) == "<p>mirrorjsbareanchor</p>")
    }

    @Test func spansWithoutHrefStay() {
        #expect(rewritten("<p><span class='x'>s</span></p>", by: links) == "<p><span class=\"x\">s</span></p>")
    }
}
