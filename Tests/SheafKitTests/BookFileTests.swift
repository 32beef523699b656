import Foundation
import Testing
@testable import SheafKit

@Suite struct BookFileTests {
    @Test func onlySheafsMarkedTemporaryNamesAreLeftovers() {
        #expect(BookFile.isLeftover(".sheaf-tmp.mh-news-2021-W03.epub.a1B2c3"))
        #expect(BookFile.isLeftover(".sheaf-tmp.mh-news-2021-W03.epub"))
        #expect(BookFile.isLeftover(".sheaf-tmp.pages.a1B2c3"))
        #expect(!BookFile.isLeftover("mh-news-2021-W03.epub"))
        // Names a user gives a copy of a book look like libzip's temporaries but are not Sheaf's.
        for name in ["mh-news-2021-W03.epub.a1B2c3", "Novel.epub.backup", "Dune.epub.orig01", "Old.epub.2019v1",
                     "Thesis.epub.drafts", "x.epub.capped", "notes.txt.a1B2c3", ".sheaf-tmp", Catalog.fileName] {
            #expect(!BookFile.isLeftover(name), "\(name)")
        }
    }

    @Test func removesOnlyMarkedRegularFilesNeverAFolderOrALink() throws {
        let scratch = try Scratch()
        let write = { (name: String) in try Data("x".utf8).write(to: URL(fileURLWithPath: scratch.path(name))) }
        let users = ["a.epub", "keep.txt", "Novel.epub.backup", "Dune.epub.orig01", "Old.epub.2019v1", "a.epub.XyZ123"]
        for name in users + [".sheaf-tmp.a.epub", ".sheaf-tmp.a.epub.XyZ123"] { try write(name) }
        // A folder, and a link to a file outside, under marked names: neither entered nor followed.
        try FileManager.default.createDirectory(atPath: scratch.path("Thesis.epub.drafts/.sheaf-tmp.b.epub"),
                                                withIntermediateDirectories: true)
        try write("Thesis.epub.drafts/chapter1.txt")
        try FileManager.default.createDirectory(atPath: scratch.path(".sheaf-tmp.folder"), withIntermediateDirectories: true)
        try write(".sheaf-tmp.folder/inside.txt")
        try FileManager.default.createDirectory(atPath: scratch.path("elsewhere"), withIntermediateDirectories: true)
        try write("elsewhere/target.epub")
        try FileManager.default.createSymbolicLink(atPath: scratch.path(".sheaf-tmp.link.epub"),
                                                   withDestinationPath: scratch.path("elsewhere/target.epub"))
        BookFile.removeLeftovers(in: scratch.path(""))
        let left = try FileManager.default.contentsOfDirectory(atPath: scratch.path("")).sorted()
        #expect(left == (users + ["Thesis.epub.drafts", ".sheaf-tmp.folder", ".sheaf-tmp.link.epub", "elsewhere"]).sorted())
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("Thesis.epub.drafts")).sorted()
                == [".sheaf-tmp.b.epub", "chapter1.txt"])
        #expect(FileManager.default.fileExists(atPath: scratch.path(".sheaf-tmp.folder/inside.txt")))
        #expect(FileManager.default.fileExists(atPath: scratch.path("elsewhere/target.epub")))
    }

    @Test func aChangedOrMissingFileDoesNotMatch() throws {
        let scratch = try Scratch()
        let path = scratch.path("a.epub")
        try Data("book bytes".utf8).write(to: URL(fileURLWithPath: path))
        let measured = try #require(BookFile.measure(path))
        #expect(BookFile.matches(path, size: measured.size, hash: measured.hash))
        try Data("book bytez".utf8).write(to: URL(fileURLWithPath: path))
        #expect(!BookFile.matches(path, size: measured.size, hash: measured.hash))
        try FileManager.default.removeItem(atPath: path)
        #expect(!BookFile.matches(path, size: measured.size, hash: measured.hash))
    }
}
