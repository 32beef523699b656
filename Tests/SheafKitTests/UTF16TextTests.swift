import Testing
@testable import SheafKit

@Suite struct UTF16TextTests {
    static func littleEndian(_ text: String) -> [UInt8] {
        text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    }

    static func bigEndian(_ text: String) -> [UInt8] {
        text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
    }

    func decoded(_ bytes: [UInt8]) -> (text: String, repairs: [String])? {
        UTF16Text.decode(bytes).map { (String(decoding: $0.utf8, as: UTF8.self), $0.repairs) }
    }

    @Test func decodesByTheByteOrderMark() {
        #expect(decoded([0xFF, 0xFE] + Self.littleEndian("### 标题 😀")) ?? ("", []) == ("### 标题 😀", ["decoded as UTF-16LE"]))
        #expect(decoded([0xFE, 0xFF] + Self.bigEndian("### 标题 😀")) ?? ("", []) == ("### 标题 😀", ["decoded as UTF-16BE"]))
    }

    @Test func recognizesMarkupWithoutAByteOrderMark() {
        let text = "### 标题\n<p>正文 text</p>"
        #expect(decoded(Self.littleEndian(text)) ?? ("", []) == (text, ["decoded as UTF-16LE (no byte order mark)"]))
        #expect(decoded(Self.bigEndian(text)) ?? ("", []) == (text, ["decoded as UTF-16BE (no byte order mark)"]))
    }

    @Test func leavesOtherBytesAlone() {
        #expect(decoded(Array("### title\n<p>text</p>".utf8)) == nil)
        #expect(decoded(Array("### title\n".utf8) + [0, 1, 2]) == nil)
        // A run of zero code units is binary data, not text.
        #expect(decoded([0x41, 0x00, 0x00, 0x00, 0x42, 0x00, 0x43, 0x00]) == nil)
        #expect(decoded([]) == nil)
    }

    @Test func repairsUnpairedSurrogatesAndAnOddLastByte() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00, 0x43]
        #expect(decoded(bytes) ?? ("", []) == ("A\u{FFFD}B\u{FFFD}",
                                              ["decoded as UTF-16LE", "repaired 2 invalid UTF-16 sequences"]))
    }
}
