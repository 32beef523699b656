import Testing
@testable import SheafKit

@Suite struct TextSearchTests {
    @Test func findsByteOffsets() {
        #expect("https://a.org".byteOffset(of: "://") == 5)
        #expect("abc".byteOffset(of: "") == 0)
        #expect("ab".byteOffset(of: "abc") == nil)
        #expect("aab".byteOffset(of: "ab") == 1)
        #expect("二维码 qrcode".byteOffset(of: "qrcode") == 10)
        #expect("x二维码".includes("二维码"))
        #expect(!"display: none".includes("display:none"))
        #expect("ad-slot-1"[...].includes("ad-slot"))
    }

    @Test func trimsUnicodeWhitespace() {
        #expect("\n\t a b \u{3000}\u{A0}".trimmed == "a b")
        #expect(" \n ".trimmed == "")
        #expect("x".trimmed == "x")
    }
}
