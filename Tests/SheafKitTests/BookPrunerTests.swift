import Foundation
import Testing
@testable import SheafKit

@Suite struct BookPrunerTests {
    @Test func onlyAPlainFileNameOfTheRecordedBookIsDeletable() throws {
        let scratch = try Scratch()
        let path = scratch.path("a.epub")
        try Data("a book".utf8).write(to: URL(fileURLWithPath: path))
        let measured = try #require(BookFile.measure(path))
        var book = CatalogTests.book("a.epub")
        (book.fileSize, book.fileHash) = (measured.size, measured.hash)
        #expect(BookPruner.check(book, at: path) == .recorded)
        #expect(BookPruner.check(book, at: scratch.path("gone.epub")) == .missing)
        for name in ["../a.epub", "x/a.epub", ".", "..", ".hidden.epub", ""] {
            var unsafe = book
            unsafe.file = name
            #expect(BookPruner.check(unsafe, at: path) != .recorded, "\(name)")
        }
        var changed = book
        changed.fileHash = "0"
        #expect(BookPruner.check(changed, at: path) != .recorded)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link.epub"), withDestinationPath: path)
        #expect(BookPruner.check(book, at: scratch.path("link.epub")) != .recorded)
    }
}
