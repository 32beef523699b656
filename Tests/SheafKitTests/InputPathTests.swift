import Foundation
import Testing
@testable import SheafKit

@Suite struct InputPathTests {
    @Test func lexicalComponentsApplyDotsOnTheTextAndKeepAClimbAboveTheStart() {
        #expect(InputPath.lexicalComponents("/a/./b/../c//d/") == ["a", "c", "d"])
        #expect(InputPath.lexicalComponents("../x/../../y") == ["..", "..", "y"])
        #expect(InputPath.lexicalComponents("a/../..") == [".."])
        #expect(InputPath.absolute("/a/../../b") == "/b")
    }

    @Test func makesPathsAbsoluteLexically() {
        #expect(InputPath.absolute("/x/./mh-news//pages/../pages/73/") == "/x/mh-news/pages/73")
        #expect(InputPath.absolute("/..") == "/")
        let cwd = FileManager.default.currentDirectoryPath
        #expect(InputPath.absolute("a/b") == InputPath.absolute(cwd) + "/a/b")
    }

    @Test func joinsWithoutDoubleSlashes() {
        #expect(InputPath.join("pages/", "73") == "pages/73")
        #expect(InputPath.join("pages", "73") == "pages/73")
        #expect(InputPath.join("", "73") == "73")
    }

    @Test func namesParts() {
        #expect(InputPath.stem(of: "pages/73/407787.md") == "407787")
        #expect(InputPath.stem(of: "a/b.md.txt") == "b.md")
        #expect(InputPath.stem(of: "a/.hidden") == ".hidden")
        #expect(InputPath.stem(of: "a/noext") == "noext")
        #expect(InputPath.lastComponent("/x/mh-news/") == "mh-news")
        #expect(InputPath.parent("/x/mh-news") == "/x")
        #expect(InputPath.parent("/x") == "/")
        #expect(InputPath.folderName(of: "c/pages/73/407787.md") == "73")
        #expect(InputPath.folderName(of: "../73/1.md") == "73")
    }

    @Test func namesTheWorkingFolderForABareFileName() {
        let cwd = FileManager.default.currentDirectoryPath
        let expected = InputPath.lastComponent(InputPath.real(cwd) ?? cwd)
        #expect(InputPath.folderName(of: "407787.md") == expected)
        #expect(InputPath.folderName(of: "./407787.md") == expected)
    }

    @Test func tellsWhatAPathIs() {
        #expect(InputPath.kind(of: "/") == .folder)
        #expect(InputPath.kind(of: "/nonexistent-sheaf-path") == .missing("no such file or folder"))
    }

    @Test func sortsByBytes() {
        #expect(InputPath.byteOrder("B", "a"))
        #expect(InputPath.byteOrder("e\u{301}", "é"))
        #expect(!InputPath.byteOrder("é", "e\u{301}"))
    }
}
