import Testing
@testable import SheafKit

@Suite struct DoubleEncodedUTF8Tests {
    /// What `text` becomes when its UTF-8 bytes are read as Windows-1252 and written out as UTF-8 again.
    static func mangled(_ text: String) -> String {
        let high: [UInt8: Unicode.Scalar] = Dictionary(uniqueKeysWithValues:
            DoubleEncodedUTF8.windows1252High.map { ($0.value, $0.key) })
        return String(String.UnicodeScalarView(text.utf8.map { high[$0] ?? Unicode.Scalar($0) }))
    }

    func repaired(_ text: String) -> (String, Int) {
        let result = DoubleEncodedUTF8.repair(Array(text.utf8))
        return (String(decoding: result.utf8, as: UTF8.self), result.places)
    }

    @Test func manglesLikeTheWild() {
        #expect(Self.mangled("明慧网") == "æ˜Žæ…§ç½‘")
    }

    @Test func repairsMojibakeOfChinese() {
        #expect(repaired("æ˜Žæ…§ç½‘") == ("明慧网", 1))
        let title = "### 中国大陆的法轮功学员坚持讲真相“明慧网”"
        #expect(repaired(Self.mangled(title)) == (title, 1))
    }

    @Test func repairsOnlyTheMangledRuns() {
        let text = "<p>明慧网报道：“\(Self.mangled("法轮功学员"))”，José said “café”。</p><p>\(Self.mangled("真相"))</p>"
        #expect(repaired(text) == ("<p>明慧网报道：“法轮功学员”，José said “café”。</p><p>真相</p>", 2))
    }

    @Test func countsAMangledLineAsOnePlace() {
        let text = "2020年3月8日，明慧网报道。\n第 2 段"
        #expect(repaired(Self.mangled(text)) == (text, 2))
        #expect(repaired("明慧网" + Self.mangled("<b>法轮功</b>") + "“" + Self.mangled("真相")) == ("明慧网<b>法轮功</b>“真相", 2))
    }

    @Test func repairsMojibakeOfLatinAndPunctuation() {
        #expect(repaired("cafÃ© â€œquotedâ€\u{9D}") == ("café “quoted”", 1))
    }

    @Test func leavesCorrectTextAlone() {
        for text in ["café", "naïve Ärger ß“x”", "1 × 2 = 2°", "Ã", "“明慧网”…—", "plain ASCII", "", "ÿþ"] {
            #expect(repaired(text) == (text, 0))
        }
        // Valid UTF-8 once reversed, but Hebrew or C1 controls are no repair.
        #expect(repaired("×“") == ("×“", 0))
        #expect(repaired("Â\u{81}") == ("Â\u{81}", 0))
    }

    @Test func quickCheckLooksForAMisreadLeadAndContinuationByte() {
        #expect(!DoubleEncodedUTF8.mayHoldMojibake(Array("明慧网 “引号” °·ÀÁõ café".utf8)))
        #expect(DoubleEncodedUTF8.mayHoldMojibake(Array("æ˜Ž".utf8)))
        #expect(DoubleEncodedUTF8.mayHoldMojibake(Array("cafÃ©".utf8)))
        #expect(DoubleEncodedUTF8.mayHoldMojibake(Array("â€œ".utf8)))
        #expect(DoubleEncodedUTF8.mayHoldMojibake(Array("José”".utf8)))
        #expect(!DoubleEncodedUTF8.mayHoldMojibake([0xC3]))
        #expect(!DoubleEncodedUTF8.mayHoldMojibake([0xC3, 0xA6, 0xC2]))
    }
}
