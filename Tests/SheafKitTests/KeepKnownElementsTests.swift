import Testing
@testable import SheafKit

@Suite struct KeepKnownElementsTests {
    @Test func unknownAndPrefixedTagsAreUnwrapped() {
        let html = "<p>a<o:p>b</o:p><fort>c</fort><st1:place w:st='on'>d</st1:place><font color=red>e</font></p>"
        #expect(rewritten(html, by: KeepKnownElements()) == "<p>abcde</p>")
    }

    @Test func obsoleteElementsAreRenamed() {
        let html = "<center><strike>a</strike><tt>b</tt></center><section><figure><figcaption>c</figcaption></figure></section>"
        #expect(rewritten(html, by: KeepKnownElements())
            == "<div><s>a</s><code>b</code></div><div><figure><figcaption>c</figcaption></figure></div>")
    }

    @Test func anUnknownWrapperAroundBlocksKeepsThemApartFromItsNeighbours() {
        let html = "<div>a<x-card><p>b</p></x-card>c<w:sdt>d</w:sdt></div>"
        #expect(rewritten(html, by: KeepKnownElements()) == "<div>a<div><p>b</p></div>cd</div>")
    }

    @Test func brokenAttributeNamesDoNotLeak() {
        let html = "<p class\"foo\" sty le=\"a\" =\"x\" 1a=2 data-x:y=3 id=k>t</p>"
        #expect(rewritten(html, by: KeepKnownElements()) == "<p id=\"k\">t</p>")
    }

    @Test func attributesAreCutToTheAllowList() {
        let html = "<p style='x' id=i class=c onclick='y()' lang=en-GB dir=RTL align=center>a"
            + "<a href='http://x.org/' target=_blank>b</a><span class='image-missing other'>c</span></p>"
            + "<table><tr><td colspan=2 rowspan=x width=3>d</td><th colspan=1 rowspan=' 3 '>e</th></tr></table>"
        #expect(rewritten(html, by: KeepKnownElements()) == "<p dir=\"rtl\" id=\"i\" lang=\"en-GB\">a<a href=\"http://x.org/\">b</a>"
            + "<span class=\"image-missing\">c</span></p><table><tr><td colspan=\"2\">d</td><th rowspan=\"3\">e</th></tr></table>")
    }

    @Test func invalidLanguageTagsGo() {
        #expect(KeepKnownElements.isLanguageTag("zh-Hant-TW"))
        #expect(!KeepKnownElements.isLanguageTag("zh_CN"))
        #expect(!KeepKnownElements.isLanguageTag(""))
        #expect(!KeepKnownElements.isLanguageTag("x"))
    }

    @Test func plainSpansAreUnwrapped() {
        #expect(rewritten("<p><span style='color:red'>a</span></p>", by: KeepKnownElements()) == "<p>a</p>")
    }

    @Test func imagesStayOnlyWhenStoredInTheBook() {
        let html = "<p><img src='../images/ab.png' width='1' class='x'/><img src='http://x.org/a.png' alt='a'/>"
            + "<img src='../images/../../a.png'/><img src='../images/cd.gif' alt='图'>text</img></p>"
        #expect(rewritten(html, by: KeepKnownElements())
            == "<p><img alt=\"\" src=\"../images/ab.png\"/><img alt=\"图\" src=\"../images/cd.gif\"/>text</p>")
    }
}
