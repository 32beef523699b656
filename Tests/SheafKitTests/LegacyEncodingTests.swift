import Foundation
import Testing
@testable import SheafKit

@Suite struct LegacyEncodingTests {
    static let simplified = "### 明慧网：中国大陆的法轮功学员坚持讲真相\n<p>据明慧网报道，在中国大陆，很多人因为修炼法轮功而被迫害。"
        + "他们说这是一个好的功法，我们要把真相告诉世人。</p>"
    static let traditional = "### 明慧網：中國大陸的法輪功學員堅持講真相\n<p>據明慧網報道，在中國大陸，很多人因為修煉法輪功而被迫害。"
        + "他們說這是一個好的功法，我們要把真相告訴世人。</p>"

    func best(_ bytes: [UInt8]) -> (LegacyEncoding, String)? {
        let lossy = ArticleEncoding.repairingUTF8(bytes[...])
        return LegacyEncoding.best(for: bytes[...], replacing: lossy).map { ($0.encoding, String(decoding: $0.utf8, as: UTF8.self)) }
    }

    func encoded(_ text: String, _ encoding: LegacyEncoding) throws -> [UInt8] {
        Array(try #require(text.data(using: encoding.foundationEncoding)))
    }

    @Test func choosesGB18030ForSimplifiedChinese() throws {
        let result = try #require(best(try encoded(Self.simplified, .gb18030)))
        #expect(result.0 == .gb18030)
        #expect(result.1 == Self.simplified)
    }

    @Test func choosesBig5ForTraditionalChinese() throws {
        let result = try #require(best(try encoded(Self.traditional, .big5)))
        #expect(result.0 == .big5)
        #expect(result.1 == Self.traditional)
    }

    @Test func keepsDamagedUTF8() {
        // One stray byte in UTF-8 text is damage: GB18030 would read the whole file as nonsense.
        var bytes = Array(Self.simplified.utf8)
        bytes.insert(0xB5, at: 40)
        #expect(best(bytes) == nil)
    }

    @Test func refusesLatin1AndNoise() {
        #expect(best(Array("<p>caf".utf8) + [0xE9] + Array(" au lait, na".utf8) + [0xEF] + Array("ve</p>".utf8)) == nil)
        let noise: [UInt8] = (0..<400).map { UInt8(truncatingIfNeeded: $0 &* 151 &+ 0x80) | 0x80 }
        #expect(best(noise) == nil)
    }

    @Test func decodesDamagedLinesCharacterByCharacter() {
        // 中 (D6 D0), a lead byte with an ASCII follower, 文 (CE C4), a truncated four-byte character.
        let bytes: [UInt8] = [0x61, 0x0A, 0xD6, 0xD0, 0xFE, 0x0A, 0x41, 0xCE, 0xC4, 0x81, 0x30]
        let result = LegacyEncoding.gb18030.utf8(of: bytes[...])
        #expect(String(decoding: result.utf8, as: UTF8.self) == "a\n中\u{FFFD}\nA文\u{FFFD}0")
        #expect(result.invalid == 2)
        #expect(LegacyEncoding.gb18030.strictUTF8(of: bytes[...]) == nil)
    }

    @Test func aFewIdeographsDoNotOutweighValidUTF8() {
        // "### 共" in UTF-8 and a damaged character: GB18030 reads it as two odd ideographs.
        #expect(best(Array("### 共".utf8) + [0xE5, 0x8F]) == nil)
    }

    @Test func scoresText() {
        let score = TextScore("中国的人\u{E000}\u{1}é a")
        #expect(score.nonASCII == 6)
        #expect(score.ideographs == 4)
        #expect(score.frequent == 4)
        #expect(score.odd == 2)
        #expect(score.replacements == 0)
        #expect(!score.explainsText)
        #expect(TextScore(Self.simplified).explainsText)
        #expect(TextScore(Self.simplified).frequentShare > 0.3)
    }
}
