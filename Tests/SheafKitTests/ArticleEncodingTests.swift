import Foundation
import Testing
@testable import SheafKit

@Suite struct ArticleEncodingTests {
    static let article = "### 明慧网：中国大陆的法轮功学员坚持讲真相\n\n<p>据明慧网报道，在中国大陆，很多人因为修炼法轮功而被迫害。"
        + "他们说这是一个好的功法，我们要把真相告诉世人。</p>\n"

    func text(_ bytes: [UInt8]) throws -> String {
        String(decoding: try ArticleEncoding.text(from: bytes).get(), as: UTF8.self)
    }

    func decoded(_ bytes: [UInt8]) throws -> (text: String, repairs: [String]) {
        let decoded = try ArticleEncoding.decode(bytes).get()
        return (String(decoding: decoded.utf8, as: UTF8.self), decoded.repairs)
    }

    func reason(_ bytes: [UInt8]) -> String? {
        if case .failure(let rejection) = ArticleEncoding.text(from: bytes) { return rejection.reason }
        return nil
    }

    @Test func stripsTheByteOrderMark() throws {
        #expect(try decoded([0xEF, 0xBB, 0xBF] + Array("### 标题".utf8)) == ("### 标题", []))
    }

    @Test func normalizesLineEnds() throws {
        #expect(try text(Array("a\r\nb\rc\n\r\nd\r".utf8)) == "a\nb\nc\n\nd\n")
    }

    @Test func keepsValidUTF8AsItIs() throws {
        #expect(try decoded(Array("<p>plain ASCII</p>".utf8)) == ("<p>plain ASCII</p>", []))
        #expect(try decoded(Array(Self.article.utf8)) == (Self.article, []))
        #expect(try decoded(Array("<p>café, naïve, 1 × 2 = 2°</p>".utf8)) == ("<p>café, naïve, 1 × 2 = 2°</p>", []))
    }

    @Test func repairsInvalidUTF8InTheMiddle() throws {
        let result = try decoded(Array("中".utf8) + [0xFF, 0xE4, 0xB8] + Array("文".utf8))
        #expect(result.text == "中\u{FFFD}\u{FFFD}文")
        #expect(result.repairs == ["repaired 2 invalid UTF-8 sequences"])
    }

    @Test func repairsATruncatedCharacterAtTheEnd() throws {
        let result = try decoded(Array(Self.article.utf8) + [0xE6, 0x98])
        #expect(result.text == Self.article + "\u{FFFD}")
        #expect(result.repairs == ["repaired 1 invalid UTF-8 sequence"])
    }

    @Test func decodesGB18030() throws {
        let bytes = try #require(Self.article.data(using: LegacyEncoding.gb18030.foundationEncoding))
        #expect(try decoded(Array(bytes)) == (Self.article, ["decoded as GB18030"]))
    }

    @Test func decodesDamagedGB18030() throws {
        let bytes = try #require(Self.article.data(using: LegacyEncoding.gb18030.foundationEncoding))
        // A byte GB18030 never uses on the title line, and the file cut in the middle of its last character.
        let damaged = Array(bytes.prefix(8)) + [0xFF] + Array(bytes.dropFirst(8)) + [0xD6]
        let result = try decoded(damaged)
        #expect(result.text == String(Self.article.prefix(6)) + "\u{FFFD}" + Self.article.dropFirst(6) + "\u{FFFD}")
        #expect(result.repairs == ["decoded as GB18030", "repaired 2 invalid GB18030 sequences"])
    }

    @Test func decodesShortGBKWithCRLF() throws {
        // "### 中文\r\n<p>中文</p>" in GBK, as a Windows editor saves it.
        let bytes: [UInt8] = [0x23, 0x23, 0x23, 0x20, 0xD6, 0xD0, 0xCE, 0xC4, 0x0D, 0x0A]
            + Array("<p>".utf8) + [0xD6, 0xD0, 0xCE, 0xC4] + Array("</p>".utf8)
        #expect(try decoded(bytes) == ("### 中文\n<p>中文</p>", ["decoded as GB18030"]))
    }

    @Test func decodesUTF16WithAByteOrderMark() throws {
        let little = [0xFF, 0xFE] + UTF16TextTests.littleEndian(Self.article)
        let big = [0xFE, 0xFF] + UTF16TextTests.bigEndian(Self.article)
        #expect(try decoded(little) == (Self.article, ["decoded as UTF-16LE"]))
        #expect(try decoded(big) == (Self.article, ["decoded as UTF-16BE"]))
    }

    @Test func repairsDoubleEncodedUTF8() throws {
        let mangled = "<p>æ˜Žæ…§ç½‘</p>\r\n<p>明慧网</p>"
        #expect(try decoded(Array(mangled.utf8)) == ("<p>明慧网</p>\n<p>明慧网</p>", ["repaired double-encoded UTF-8 in 1 place"]))
    }

    @Test func rejectsEmptyFiles() {
        #expect(reason([]) == "not an article: empty file")
        #expect(reason(Array(" \n\r\n\t".utf8)) == "not an article: empty file")
        #expect(reason([0xEF, 0xBB, 0xBF]) == "not an article: empty file")
        #expect(reason([0xFF, 0xFE, 0x20, 0x00]) == "not an article: empty file")
    }

    @Test func rejectsBinaryFiles() {
        #expect(reason([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) == "not an article: binary file (PNG image)")
        #expect(reason([0xFF, 0xD8, 0xFF, 0xE0]) == "not an article: binary file (JPEG image)")
        #expect(reason(Array("### title\n".utf8) + [0, 1, 2]) == "not an article: binary file (NUL bytes)")
        #expect(ArticleEncoding.binaryKind([0xFF, 0xFE, 0x41, 0x00]) == nil)
    }

    @Test func acceptsANulByteFarIntoTheFile() throws {
        let bytes = Array(repeating: UInt8(ascii: "a"), count: ArticleEncoding.binaryProbeLength) + [0]
        #expect(try text(bytes).count == bytes.count)
    }

    @Test func neverTrapsOnArbitraryBytes() {
        var generator = SplitMix64(seed: 0x5EED)
        for length in [1, 2, 3, 7, 64, 1000] {
            for _ in 0..<200 {
                let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
                if case .success(let decoded) = ArticleEncoding.decode(bytes) {
                    #expect(String(validating: decoded.utf8, as: UTF8.self) != nil)
                    #expect(!decoded.utf8.contains(0x0D))
                }
            }
        }
    }
}
