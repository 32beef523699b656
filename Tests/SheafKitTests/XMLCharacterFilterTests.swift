import Testing
@testable import SheafKit

@Suite struct XMLCharacterFilterTests {
    @Test func removesControlsAndByteOrderMarks() {
        #expect(XMLCharacterFilter.cleaned("a\u{0}b\u{8}c\u{1D}d\u{FEFF}e\u{FFFE}f\u{85}g") == "abcdefg")
    }

    @Test func keepsTabsNewlinesAndEverythingElse() {
        let text = "a\tb\nc 中文 😀 \u{E000} \u{A0}"
        #expect(XMLCharacterFilter.cleaned(text) == text)
    }

    @Test func unifiesLineEndings() {
        #expect(XMLCharacterFilter.cleaned("a\r\nb\rc\n") == "a\nb\nc\n")
    }
}
