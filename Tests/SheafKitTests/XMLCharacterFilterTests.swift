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

@Suite struct XMLCharacterFilterBytesTests {
    /// The byte-level check agrees with the scalar rule on every scalar near the edges it judges.
    @Test func byteCheckAgreesWithTheScalarRule() {
        let edges: [UInt32] = Array(0x00...0xA0) + [0xFEFE, 0xFEFF, 0xFF0C, 0xFFFD, 0xFFFE, 0xFFFF, 0x1F600, 0xE000]
        for value in edges {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "中" + String(scalar) + "x"
            let expected = scalar != "\r" && XMLCharacterFilter.isAllowed(scalar)
            #expect(XMLCharacterFilter.isClean(text) == expected, "U+\(String(value, radix: 16))")
        }
    }
}
