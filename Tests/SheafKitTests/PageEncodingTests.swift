import Foundation
import Testing
@testable import SheafKit

@Suite struct PageEncodingTests {
    static func text(_ bytes: [UInt8], declared: String? = nil) throws -> (String, [String]) {
        let decoded = try PageEncoding.decode(bytes, declared: declared).get()
        return (String(decoding: decoded.utf8, as: UTF8.self), decoded.repairs)
    }

    @Test func theDeclaredEncodingIsFound() {
        #expect(PageEncoding.declaredLabel(in: Array(#"<html><head><meta charset="Shift_JIS">"#.utf8)) == "shift_jis")
        #expect(PageEncoding.declaredLabel(in: Array(#"<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">"#.utf8)) == "windows-1252")
        #expect(PageEncoding.declaredLabel(in: Array(#"<?xml version="1.0" encoding="GBK"?><html>"#.utf8)) == "gb18030")
        #expect(PageEncoding.declaredLabel(in: Array("<html><p>no declaration</p>".utf8)) == nil)
    }

    @Test func aPageInADeclaredLegacyEncodingIsDecoded() throws {
        // 日本語 in Shift_JIS, é in Windows-1252, 中文 in GBK.
        let japanese = Array(#"<meta charset="shift_jis"><p>"#.utf8) + [0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA] + Array("</p>".utf8)
        let (text, repairs) = try Self.text(japanese)
        #expect(text.contains("日本語"))
        #expect(repairs == ["decoded as shift_jis, as the page declares"])
        let western = Array(#"<meta charset="windows-1252"><p>caf"#.utf8) + [0xE9] + Array("</p>".utf8)
        #expect(try Self.text(western).0.contains("café"))
        let chinese = Array("<p>".utf8) + [0xD6, 0xD0, 0xCE, 0xC4] + Array("</p>".utf8)
        #expect(try Self.text(chinese, declared: "gb2312").0.contains("中文"))
    }

    @Test func utf8BytesUnderAnOldDeclarationAreReadAsUTF8() throws {
        let (text, repairs) = try Self.text(Array(#"<meta charset="gb2312"><p>人工智能</p>"#.utf8))
        #expect(text.contains("人工智能"))
        #expect(repairs.first?.contains("declares gb18030, but its bytes are UTF-8") == true)
    }

    @Test func anUndeclaredPageIsReadByItsBytes() throws {
        let japanese = Array("<p>".utf8) + Array("これは日本語の文章です。".data(using: .shiftJIS)!) + Array("</p>".utf8)
        let (text, repairs) = try Self.text(japanese)
        #expect(text.contains("これは日本語の文章です。"))
        #expect(repairs == ["decoded as shift_jis (the page declares no encoding)"])
        let western = Array("<p>Fa".utf8) + [0xE7] + Array("ade na".utf8) + [0xEF] + Array("ve</p>".utf8)
        let (latin, notes) = try Self.text(western)
        #expect(latin.contains("Façade naïve"))
        #expect(notes == ["decoded as windows-1252 (the page declares no encoding)"])
    }

    @Test func anUnknownDeclarationFallsBackToTheBytes() throws {
        let (text, repairs) = try Self.text(Array(#"<meta charset="x-no-such"><p>plain</p>"#.utf8))
        #expect(text.contains("plain"))
        #expect(repairs.first?.contains("x-no-such is unknown") == true)
    }

    @Test func binaryAndEmptyPagesAreNoArticles() {
        #expect(throws: NotAnArticle.self) { try PageEncoding.decode([0x89, 0x50, 0x4E, 0x47, 0, 0, 1]).get() }
        #expect(throws: NotAnArticle.self) { try PageEncoding.decode([]).get() }
        #expect(throws: NotAnArticle.self) { try PageEncoding.decode(Array(" \n ".utf8), declared: "shift_jis").get() }
    }
}
