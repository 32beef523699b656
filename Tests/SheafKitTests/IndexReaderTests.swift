import Foundation
import Testing
@testable import SheafKit

@Suite struct IndexReaderTests {
    let page = """
        #### 由于频繁封锁，请参考 [手把手翻墙教程](https://github.com/x/guides/wiki/)，请使用 [网门](https://x.org/dl.md?t=1)

        #### [谁将被历史“清零”？](../pages/73/417485.md?t=02072200)

        #### [披着政府人员外衣的黑恶势力&nbsp;](../pages/73/417442.md?t=02072200)

        #### [谁将被历史“清零”？](../pages/73/417485.md?t=02072201)
        """

    @Test func listsLinkedPagesInOrderOnceEach() {
        let listing = IndexReader().listing(page, name: "73", title: "天人之间", file: "c/indexes/73.md")
        #expect(listing.entries.map(\.id) == ["417485", "417442"])
        #expect(listing.entries.map(\.channel) == ["73", "73"])
        #expect(listing.entries[1].title == "披着政府人员外衣的黑恶势力")
        #expect(listing.title == "天人之间")
    }

    @Test func recognisesMirrorPagesByShape() {
        #expect(MarkdownLinks.mirrorPage("../pages/73/1.md?t=2") != nil)
        #expect(MarkdownLinks.mirrorPage("https://github.com/o/r/blob/master/pages/nf4778/n1.md")?.id == "n1")
        #expect(MarkdownLinks.mirrorPage("../indexes/73.md") == nil)
        #expect(MarkdownLinks.mirrorPage("https://x.org/a.html") == nil)
    }

    @Test func readsIndexesAndMenuTitlesFromACollection() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sheaf-index-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("indexes"), withIntermediateDirectories: true)
        try page.write(to: root.appendingPathComponent("indexes/73.md"), atomically: true, encoding: .utf8)
        try "#### [x](../pages/19/1.md)".write(to: root.appendingPathComponent("indexes/19.md"), atomically: true, encoding: .utf8)
        try "### 菜单\n#### [天人之间](indexes/73.md?t=1) | [时事评论](indexes/19.md?t=1)\n"
            .write(to: root.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("pages/73"), withIntermediateDirectories: true)
        try "x".write(to: root.appendingPathComponent("pages/73/417442.md"), atomically: true, encoding: .utf8)
        let found = IndexReader().indexes(ofCollectionAt: root.path)
        #expect(found.problems.isEmpty)
        let listing73 = found.indexes.first { $0.name == "73" }
        #expect(listing73?.entries.map(\.onDisk) == [false, true])
        #expect(found.indexes.map(\.name) == ["19", "73"])
        #expect(found.indexes.map(\.title) == ["时事评论", "天人之间"])
    }

    @Test func doesNotReadIndexesOrMenusLinkedFromOutsideTheCollection() throws {
        let tree = try ScratchTree()
        defer { try? FileManager.default.removeItem(atPath: tree.root) }
        try tree.file("outside.md", "#### [SECRET TITLE](../pages/73/1.md)\n[SECRET MENU](indexes/9.md)\n")
        try tree.file("coll/indexes/73.md", page)
        try tree.link("coll/indexes/9.md", to: tree.root + "/outside.md")
        try tree.link("coll/MENU.md", to: tree.root + "/outside.md")
        let found = IndexReader().indexes(ofCollectionAt: tree.root + "/coll")
        #expect(found.indexes.map(\.name) == ["73"])
        #expect(found.problems.map(\.message).contains { $0.contains("leads outside the collection") })
        #expect(!found.indexes.flatMap(\.entries).map(\.title).contains("SECRET TITLE"))
        #expect(IndexReader().menuTitles(ofCollectionAt: tree.root + "/coll").isEmpty)
    }
}
