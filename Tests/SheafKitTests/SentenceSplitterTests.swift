import Testing
@testable import SheafKit

@Suite struct SentenceSplitterTests {
    @Test(arguments: [
        ("One. Two? Three!", ["One. ", "Two? ", "Three!"]),
        ("他说。你好！是吗？好", ["他说。", "你好！", "是吗？", "好"]),
        ("「走吧。」他说。", ["「走吧。」", "他说。"]),
        ("He said \"stop.\" Then left.", ["He said \"stop.\" ", "Then left."]),
        ("3.14 and U.S.A stay whole", ["3.14 and U.S.A stay whole"]),
        ("Wait... what?!  Yes", ["Wait... ", "what?!  ", "Yes"]),
        ("  leading space. x", ["  leading space. ", "x"]),
        ("", []),
    ])
    func splitsWithoutLosingACharacter(text: String, expected: [String]) {
        let pieces = SentenceSplitter.sentences(in: text)
        #expect(pieces == expected)
        #expect(pieces.joined() == text)
    }
}
