import Testing
@testable import SheafKit

@Suite struct XMLTextTests {
    @Test func escapesMarkupCharacters() {
        #expect(XMLText.escaped(#"a & b <c> "d" 'e'"#) == "a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;")
        #expect(XMLText.escaped("中文") == "中文")
    }

    @Test func dropsCharactersXMLForbids() {
        #expect(XMLText.legal("a\u{0}b\u{8}c\u{1D}d\u{FFFE}e\u{FFFF}") == "abcde")
        #expect(XMLText.legal("tab\tlf\ncr\r😀\u{E000}") == "tab\tlf\ncr\r😀\u{E000}")
        #expect(XMLText.escaped("x\u{1}<") == "x&lt;")
    }

    /// The byte-wise check agrees with the scalar-by-scalar rule, at the edges of what it looks for.
    @Test func judgesTextOnItsBytesAsOnItsScalars() {
        let samples = ["", "plain", "中文\u{FFFD}\u{FFFC}", "\u{EFBF}\u{FEFF}\u{F8FF}", "end\u{FFFE}", "\u{FFFF}x",
                       "\u{1F}", "\u{B}\u{C}", "\t\n\r", "\u{7F}\u{80}\u{9F}", "😀\u{10FFFF}", "a\u{0}"]
        for text in samples {
            #expect(XMLText.isAllLegal(text) == text.unicodeScalars.allSatisfy(XMLText.isLegal), "\(Array(text.unicodeScalars))")
        }
    }
}
