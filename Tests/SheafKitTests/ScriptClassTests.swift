import Testing
@testable import SheafKit

@Suite struct ScriptClassTests {
    @Test func cjkPairsJoin() {
        #expect(ScriptClass.joinsWithoutSpace("中", "文"))
        #expect(ScriptClass.joinsWithoutSpace("。", "の"))
        #expect(ScriptClass.joinsWithoutSpace("文", "“"))
        #expect(ScriptClass.joinsWithoutSpace("”", "（"))
        #expect(ScriptClass.joinsWithoutSpace("𠀀", "字"))
    }

    @Test func latinHangulAndMixedPairsDoNot() {
        #expect(!ScriptClass.joinsWithoutSpace("a", "b"))
        #expect(!ScriptClass.joinsWithoutSpace("I", "中"))
        #expect(!ScriptClass.joinsWithoutSpace("한", "국"))
        #expect(!ScriptClass.joinsWithoutSpace("”", "a"))
    }
}
