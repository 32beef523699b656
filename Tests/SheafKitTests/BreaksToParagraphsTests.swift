import Testing
@testable import SheafKit

@Suite struct BreaksToParagraphsTests {
    private func split(_ html: String) -> String {
        rewritten(html, by: BreaksToParagraphs())
    }

    @Test func doubleBreaksSeparateParagraphs() {
        #expect(split("<p id=k class=c>一<br><br> <br/>二<br/><br/>three</p>")
            == "<p class=\"c\" id=\"k\">一</p><p class=\"c\">二</p><p class=\"c\">three</p>")
    }

    @Test func singleBreaksAfterSentencesSeparateParagraphs() {
        #expect(split("<p>甲：去吗？<br>乙：“不去。”<br>（下场）<br>Done.</p>") == "<p>甲：去吗？</p><p>乙：“不去。”</p><p>（下场）</p><p>Done.</p>")
    }

    @Test func poemsAndAddressesKeepTheirBreaks() {
        let poem = "<p>床前明月光，<br>疑是地上霜。<br>举头望明月，<br>低头思故乡。</p>"
        #expect(split(poem) == poem.replacingOccurrences(of: "<br>", with: "<br/>"))
        let address = "<p>1 Main Street<br>Springfield<br>USA</p>"
        #expect(split(address) == address.replacingOccurrences(of: "<br>", with: "<br/>"))
    }

    @Test func aStanzaKeepsItsBreaksBetweenDoubleBreaks() {
        #expect(split("<p>前言。<br><br>一行，<br>二行<br><br>后记。</p>")
            == "<p>前言。</p><p>一行，<br/>二行</p><p>后记。</p>")
    }

    @Test func inlineRunsInDivisionsAndQuotesBecomeParagraphs() {
        #expect(split("<blockquote>a。<br>b。<ul><li>x。<br><br>y</li></ul></blockquote><div>c<br>d</div>")
            == "<blockquote><p>a。</p><p>b。</p><ul><li>x。<br/><br/>y</li></ul></blockquote><div>c<br/>d</div>")
    }

    @Test func breaksInsideInlineElementsStay() {
        #expect(split("<p><b>a。<br><br>b</b></p>") == "<p><b>a。<br/><br/>b</b></p>")
    }

    @Test func sentenceEndsSeeThroughClosingQuotes() {
        #expect(BreaksToParagraphs.endsSentence("他说：“好！”  "))
        #expect(BreaksToParagraphs.endsSentence("End.)"))
        #expect(!BreaksToParagraphs.endsSentence("一行，"))
        #expect(!BreaksToParagraphs.endsSentence(""))
    }
}
