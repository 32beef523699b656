import Foundation
import Testing
@testable import SheafKit

@Suite struct SideloadTests {
    func book(_ scratch: Scratch, _ name: String, _ text: String) throws -> String {
        let path = scratch.path("out/" + name)
        try FileManager.default.createDirectory(atPath: scratch.path("out"), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func listing(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    @Test func copiesNewBooksAndSkipsIdenticalOnesLeavingNoTemporaryFile() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path("reader"), withIntermediateDirectories: true)
        let a = try book(scratch, "a.kepub.epub", "first book")
        let b = try book(scratch, "b.epub", "second book")
        // What a run killed while copying left.
        try Data("half".utf8).write(to: URL(fileURLWithPath: scratch.path("reader/.a.kepub.epub.sheaf-partial")))
        let sideload = Sideload(folder: scratch.path("reader"))
        try sideload.checkFolder()
        #expect(sideload.copy([a, b]).map(\.status) == [.copied, .copied])
        #expect(try listing(scratch.path("reader")) == ["a.kepub.epub", "b.epub"])
        #expect(FileManager.default.contents(atPath: scratch.path("reader/a.kepub.epub")) == Data("first book".utf8))

        // Same size, other bytes: copied again; same bytes: left alone.
        _ = try book(scratch, "b.epub", "SECOND BOOK")
        let again = sideload.copy([a, b])
        #expect(again.map(\.status) == [.unchanged, .copied])
        #expect(again[1].file == scratch.path("reader/b.epub"))
        #expect(FileManager.default.contents(atPath: scratch.path("reader/b.epub")) == Data("SECOND BOOK".utf8))
        #expect(try listing(scratch.path("reader")) == ["a.kepub.epub", "b.epub"])
    }

    @Test func aBookThatCannotBeCopiedDoesNotStopTheOthers() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path("reader"), withIntermediateDirectories: true)
        let good = try book(scratch, "good.epub", "ok")
        // A folder where the book should go: the rename cannot replace it.
        try FileManager.default.createDirectory(atPath: scratch.path("reader/blocked.epub/x"), withIntermediateDirectories: true)
        let blocked = try book(scratch, "blocked.epub", "blocked")
        let copies = Sideload(folder: scratch.path("reader")).copy([blocked, scratch.path("out/missing.epub"), good])
        #expect(copies.map(\.status) == [.failed, .failed, .copied])
        #expect(copies[0].error?.isEmpty == false)
        #expect(copies[1].error == "cannot read the book")
        #expect(try listing(scratch.path("reader")) == ["blocked.epub", "good.epub"])
    }

    @Test func anInterruptionStopsTheCopyingBetweenBooks() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path("reader"), withIntermediateDirectories: true)
        let books = try ["a.epub", "b.epub", "c.epub"].map { try book(scratch, $0, "book " + $0) }
        let interruption = BuildInterruption()
        // Ctrl-C while the first book is being copied: it is finished, no other is started.
        let copies = Sideload(folder: scratch.path("reader")).copy(books, interruption: interruption) { _ in
            interruption.request()
        }
        #expect(copies.map(\.status) == [.copied])
        #expect(try listing(scratch.path("reader")) == ["a.epub"])
        #expect(FileManager.default.contents(atPath: scratch.path("reader/a.epub")) == Data("book a.epub".utf8))
    }

    @Test func onlyItsOwnPartialCopiesAreRemovedFromTheReadersFolder() throws {
        let scratch = try Scratch()
        let reader = scratch.path("reader")
        try FileManager.default.createDirectory(atPath: reader + "/.notes.sheaf-partial", withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: reader + "/.notes.sheaf-partial/keep.txt"))
        try Data("half".utf8).write(to: URL(fileURLWithPath: reader + "/.a.epub.sheaf-partial"))
        _ = Sideload(folder: reader).copy([])
        #expect(try listing(reader) == [".notes.sheaf-partial"])
        #expect(FileManager.default.fileExists(atPath: reader + "/.notes.sheaf-partial/keep.txt"))
    }

    @Test func aMissingOrUnusableFolderIsNamed() throws {
        let scratch = try Scratch()
        let missing = Sideload(folder: scratch.path("no-reader"))
        #expect(throws: SheafError.self) { try missing.checkFolder() }
        do {
            try missing.checkFolder()
        } catch let error as SheafError {
            #expect(error.file == scratch.path("no-reader"))
            #expect(error.reason.contains("no such folder"))
        }
        let file = try book(scratch, "plain.txt", "x")
        #expect(throws: SheafError.self) { try Sideload(folder: file).checkFolder() }
    }
}
