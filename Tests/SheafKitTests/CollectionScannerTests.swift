import Foundation
import Testing
@testable import SheafKit

/// A throwaway folder tree under the temporary folder, removed by `remove()`.
struct ScratchTree {
    let root: String

    init() throws {
        root = FileManager.default.temporaryDirectory.path + "/sheaf-scan-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    func file(_ relative: String, _ text: String = "### t\n<p>x</p>\n") throws {
        let path = root + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    func link(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: root + "/" + relative, withDestinationPath: destination)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

@Suite struct CollectionScannerTests {
    let scanner = CollectionScanner()

    /// `mh/` is a collection root with the furniture a real one has.
    func collection() throws -> ScratchTree {
        let tree = try ScratchTree()
        for path in ["mh/README.md", "mh/SOURCE-README.md", "mh/indexes/73.md", "mh/pages/73/407787.md",
                     "mh/pages/73/407787.md.png", "mh/pages/73/.draft.md", "mh/pages/19/410001.md",
                     "mh/pages/19/notes.json", "mh/pages/.git/x.md", "mh/pages/nf1/n1.markdown",
                     "mh/pages/nf1/indexes/n2.md", "mh/pages/nf1/README.md"] {
            try tree.file(path)
        }
        return tree
    }

    func relative(_ scan: CollectionScan, to tree: ScratchTree) -> [String] {
        scan.files.map { String($0.path.dropFirst(tree.root.count + 1)) }
    }

    @Test func walksACollectionRoot() throws {
        let tree = try collection()
        defer { tree.remove() }
        let scan = scanner.scan([tree.root + "/mh"])
        #expect(relative(scan, to: tree) == ["mh/pages/19/410001.md", "mh/pages/73/407787.md", "mh/pages/nf1/n1.markdown"])
        #expect(scan.files[1] == InputFile(path: tree.root + "/mh/pages/73/407787.md", format: "mirror"))
        // The QR image and the README are the mirror's furniture; a file no format reads is reported.
        #expect(scan.problems == [Diagnostic(.warning, stage: .read, file: tree.root + "/mh/pages/19/notes.json",
                                             "not an article: no reader for .json files")])
        #expect(scan.collectionName == "mh")
    }

    @Test func walksAFolderBelowTheRoot() throws {
        let tree = try collection()
        defer { tree.remove() }
        let scan = scanner.scan([tree.root + "/mh/pages/73/"])
        #expect(scan.files.map(\.path) == [tree.root + "/mh/pages/73/407787.md"])
        #expect(scan.collectionName == "mh")
        #expect(scanner.scan([tree.root + "/mh/pages"]).files.count == 3)
    }

    @Test func keepsPathsAsGiven() throws {
        let tree = try collection()
        defer { tree.remove() }
        let relativePath = "../" + String(repeating: "../", count: 20) + String(tree.root.dropFirst()) + "/mh/pages/19"
        let scan = scanner.scan([relativePath])
        #expect(scan.files.map(\.path) == [relativePath + "/410001.md"])
        #expect(scan.collectionName == "mh")
    }

    @Test func takesAFileGivenExplicitlyWhateverItsName() throws {
        let tree = try collection()
        defer { tree.remove() }
        let scan = scanner.scan([tree.root + "/mh/pages/19/notes.json", tree.root + "/mh/indexes/73.md"])
        #expect(relative(scan, to: tree) == ["mh/indexes/73.md", "mh/pages/19/notes.json"])
        #expect(scan.files.last?.format == "mirror", "recognised by its first bytes")
        #expect(scan.collectionName == "mh")
    }

    @Test func listsEachRealFileOnce() throws {
        let tree = try collection()
        defer { tree.remove() }
        try tree.link("mh/pages/00", to: tree.root + "/mh/pages/73")
        let file = tree.root + "/mh/pages/73/407787.md"
        let scan = scanner.scan([file, tree.root + "/mh", file])
        #expect(relative(scan, to: tree) == ["mh/pages/19/410001.md", "mh/pages/73/407787.md", "mh/pages/nf1/n1.markdown"])
        #expect(scan.problems.map(\.message) == ["not an article: no reader for .json files"])
    }

    @Test func reportsASymbolicLinkLoopAndGoesOn() throws {
        let tree = try collection()
        defer { tree.remove() }
        try tree.link("mh/pages/73/up", to: "..")
        let scan = scanner.scan([tree.root + "/mh"])
        #expect(scan.files.count == 3)
        #expect(scan.problems.count == 2)
        #expect(scan.problems.last?.file == tree.root + "/mh/pages/73/up")
        #expect(scan.problems.last?.message.hasPrefix("symbolic link loop") == true)
        #expect(scan.problems.last?.stage == .read)
    }

    @Test func linksLeadingOutOfTheInputFolderAreNotFollowed() throws {
        let tree = try collection()
        defer { tree.remove() }
        try tree.file("outside/pages/9/1.md")
        try tree.link("mh/pages/73/out.md", to: tree.root + "/outside/pages/9/1.md")
        try tree.link("mh/pages/out", to: tree.root + "/outside/pages/9")
        try tree.link("mh/pages/73/in.md", to: "../19/410001.md")
        let scan = scanner.scan([tree.root + "/mh"])
        #expect(scan.files.count == 3, "the link inside the folder leads to a file already listed")
        #expect(scan.problems.map(\.file) == [tree.root + "/mh/pages/19/notes.json", tree.root + "/mh/pages/73/out.md",
                                              tree.root + "/mh/pages/out"])
        #expect(scan.problems.dropFirst().allSatisfy { $0.message.hasPrefix("symbolic link leads outside the input folder") })

        // A collection whose pages/ folder is itself a link out of it is not entered either.
        try tree.file("other/README.md")
        try tree.link("other/pages", to: tree.root + "/outside/pages")
        let other = scanner.scan([tree.root + "/other"])
        #expect(other.files.isEmpty)
        #expect(other.problems.map(\.file) == [tree.root + "/other/pages"])
        // Named directly, the same folder is the user's choice.
        #expect(scanner.scan([tree.root + "/outside"]).files.count == 1)
    }

    @Test func reportsMissingPathsAndBrokenLinks() throws {
        let tree = try collection()
        defer { tree.remove() }
        try tree.link("mh/pages/19/gone.md", to: tree.root + "/nowhere.md")
        let scan = scanner.scan([tree.root + "/absent", tree.root + "/mh/pages/19"])
        #expect(scan.files.map { InputPath.stem(of: $0.path) } == ["410001"])
        #expect(scan.problems == [
            Diagnostic(.error, stage: .read, file: tree.root + "/absent", "cannot open: no such file or folder"),
            Diagnostic(.warning, stage: .read, file: tree.root + "/mh/pages/19/gone.md", "broken symbolic link"),
            Diagnostic(.warning, stage: .read, file: tree.root + "/mh/pages/19/notes.json", "not an article: no reader for .json files"),
        ])
        #expect(scan.collectionName == "mh")
    }

    @Test(.enabled(if: getuid() != 0, "permissions do not stop root"))
    func reportsAnUnreadableFolder() throws {
        let tree = try collection()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tree.root + "/mh/pages/19")
            tree.remove()
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: tree.root + "/mh/pages/19")
        let scan = scanner.scan([tree.root + "/mh"])
        #expect(scan.files.count == 2)
        #expect(scan.problems.map(\.message) == ["cannot read folder: permission denied"])
    }

    @Test func namesACollectionWithoutPagesAfterTheFirstPath() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.file("seed/000_2b4c.txt")
        try tree.file("seed/notes/a.md")
        #expect(scanner.scan([tree.root + "/seed/"]).collectionName == "seed")
        #expect(scanner.scan([tree.root + "/seed/000_2b4c.txt"]).collectionName == "000_2b4c")
        #expect(scanner.scan([tree.root + "/seed"]).files.map { InputPath.folderName(of: $0.path) } == ["seed", "notes"])
        #expect(scanner.scan([]).collectionName == "collection")
        #expect(CollectionScanner.collectionName(of: ["/"]) == "collection")
    }

    @Test func sortsByBytes() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        for name in ["b.md", "B.md", "a.md", "é.md", "e\u{301}z.md", "10.md", "9.md"] { try tree.file("c/" + name) }
        let names = scanner.scan([tree.root + "/c"]).files.map { InputPath.stem(of: $0.path) }
        #expect(names == ["10", "9", "B", "a", "b", "e\u{301}z", "é"])
    }
}
