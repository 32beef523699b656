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
}
