import Testing
@testable import SheafKit

@Suite struct ArticleEncodingTests {
    func text(_ bytes: [UInt8]) throws -> String {
        String(decoding: try ArticleEncoding.text(from: bytes).get(), as: UTF8.self)
    }

    func reason(_ bytes: [UInt8]) -> String? {
        if case .failure(let rejection) = ArticleEncoding.text(from: bytes) { return rejection.reason }
        return nil
    }

    @Test func stripsTheByteOrderMark() throws {
        #expect(try text([0xEF, 0xBB, 0xBF] + Array("### 标题".utf8)) == "### 标题")
    }

    @Test func normalizesLineEnds() throws {
        #expect(try text(Array("a\r\nb\rc\n\r\nd\r".utf8)) == "a\nb\nc\n\nd\n")
    }

    @Test func repairsInvalidUTF8() throws {
        #expect(try text(Array("中".utf8) + [0xFF, 0xE4, 0xB8] + Array("文".utf8)) == "中\u{FFFD}\u{FFFD}文")
    }

    @Test func rejectsEmptyFiles() {
        #expect(reason([]) == "not an article: empty file")
        #expect(reason(Array(" \n\r\n\t".utf8)) == "not an article: empty file")
        #expect(reason([0xEF, 0xBB, 0xBF]) == "not an article: empty file")
    }

    @Test func rejectsBinaryFiles() {
        #expect(reason([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) == "not an article: binary file (PNG image)")
        #expect(reason([0xFF, 0xD8, 0xFF, 0xE0]) == "not an article: binary file (JPEG image)")
        #expect(reason(Array("### title\n".utf8) + [0, 1, 2]) == "not an article: binary file (NUL bytes)")
    }

    @Test func acceptsANulByteFarIntoTheFile() throws {
        let bytes = Array(repeating: UInt8(ascii: "a"), count: ArticleEncoding.binaryProbeLength) + [0]
        #expect(try text(bytes).count == bytes.count)
    }
}
