import Foundation
import Testing
@testable import SheafKit

@Suite struct BookFileTests {
    @Test func libzipTemporaryFilesAreLeftovers() {
        #expect(BookFile.isLeftover("mh-news-2021-W03.epub.a1B2c3"))
        #expect(!BookFile.isLeftover("mh-news-2021-W03.epub"))
        #expect(!BookFile.isLeftover("notes.txt.a1B2c3"))
        #expect(!BookFile.isLeftover("x.epub.toolong"))
        #expect(!BookFile.isLeftover(Catalog.fileName))
    }

    @Test func removesLeftoversOnly() throws {
        let scratch = try Scratch()
        for name in ["a.epub", "a.epub.XyZ123", "keep.txt"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: scratch.path(name)))
        }
        BookFile.removeLeftovers(in: scratch.path(""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("")).sorted() == ["a.epub", "keep.txt"])
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
