import Foundation
import GRDB
import Testing
@testable import SheafKit

@Suite struct CatalogTests {
    static func book(_ file: String, identifier: String = "urn:uuid:1", fingerprint: String = "f1") -> CatalogBook {
        CatalogBook(file: file, collection: "c", volumeKey: "2021-W03", title: "c 2021-W03", identifier: identifier,
                    fingerprint: fingerprint, fileHash: "h", fileSize: 10, articleCount: 1,
                    oldestDate: "2021-01-18", newestDate: "2021-01-18")
    }

    static func article(_ key: String, in book: String, at position: Int = 0) -> CatalogArticle {
        CatalogArticle(key: key, book: book, position: position, title: "t", date: "2021-01-18", source: nil,
                       files: "pages/73/1.md", bodyHash: "b", chapter: "OEBPS/text/c0001.xhtml")
    }

    @Test func aNewCatalogIsCreatedEmptyWithItsSchema() throws {
        let scratch = try Scratch()
        let catalog = try Catalog(folder: scratch.path(""))
        #expect(try catalog.books().isEmpty)
        #expect(try catalog.articles().isEmpty)
        #expect(FileManager.default.fileExists(atPath: scratch.path(Catalog.fileName)))
    }

    @Test func recordingABookReplacesItsArticlesAndSurvivesReopening() throws {
        let scratch = try Scratch()
        let catalog = try Catalog(folder: scratch.path(""))
        try catalog.record(Self.book("a.epub"), articles: [Self.article("x", in: "a.epub"), Self.article("y", in: "a.epub", at: 1)])
        try catalog.record(Self.book("b.epub"), articles: [Self.article("z", in: "b.epub")])
        try catalog.record(Self.book("a.epub", fingerprint: "f2"), articles: [Self.article("y", in: "a.epub")])

        // Migrations already applied run no second time; the rows are still there.
        let reopened = try Catalog(folder: scratch.path(""))
        #expect(try reopened.books().map(\.file) == ["a.epub", "b.epub"])
        #expect(try reopened.books().first?.fingerprint == "f2")
        #expect(try reopened.articles().map(\.key) == ["y", "z"])
    }

    @Test func readsOneBooksChaptersAndTheArticlesOutsideTheGivenBooks() throws {
        let scratch = try Scratch()
        let catalog = try Catalog(folder: scratch.path(""))
        var second = Self.article("y", in: "a.epub", at: 1)
        second.chapter = "OEBPS/text/c0002.xhtml"
        try catalog.record(Self.book("a.epub"), articles: [second, Self.article("x", in: "a.epub")])
        try catalog.record(Self.book("b.epub"), articles: [Self.article("z", in: "b.epub")])
        #expect(try catalog.chapters(of: "a.epub") == ["OEBPS/text/c0001.xhtml", "OEBPS/text/c0002.xhtml"])
        #expect(try catalog.chapters(of: "none.epub").isEmpty)
        #expect(try catalog.packagedArticles(in: ["b.epub"]).map { "\($0.key) \($0.book)" } == ["z b.epub"])
        #expect(try catalog.packagedArticles(in: ["a.epub", "b.epub"]).map(\.key).sorted() == ["x", "y", "z"])
        #expect(try catalog.packagedArticles(in: []).isEmpty)
    }

    @Test func removingABookForgetsItsArticles() throws {
        let scratch = try Scratch()
        let catalog = try Catalog(folder: scratch.path(""))
        try catalog.record(Self.book("a.epub"), articles: [Self.article("x", in: "a.epub")])
        try catalog.record(Self.book("b.epub"), articles: [Self.article("z", in: "b.epub")])
        try catalog.remove(book: "a.epub")
        #expect(try catalog.books().map(\.file) == ["b.epub"])
        #expect(try catalog.articles().map(\.key) == ["z"])
    }

    @Test func aFileThatIsNotACatalogIsAClearError() throws {
        let scratch = try Scratch()
        try Data("not a database, just text that is long enough to be read".utf8)
            .write(to: URL(fileURLWithPath: scratch.path(Catalog.fileName)))
        #expect {
            _ = try Catalog(folder: scratch.path(""))
        } throws: { error in
            (error as? SheafError)?.reason.hasPrefix("cannot open the catalog") == true
        }
    }

    /// Turns the catalog in `folder` into one written by a Sheaf whose schema ends at `last` (dropping what later
    /// migrations added), or adds a migration this Sheaf does not know.
    static func rewind(_ folder: String, keeping last: String = "v1", adding unknown: String? = nil) throws {
        let queue = try DatabaseQueue(path: InputPath.join(folder, Catalog.fileName))
        try queue.write { db in
            if last == "v1", try db.columns(in: "book").contains(where: { $0.name == "series" }) {
                try db.execute(sql: "ALTER TABLE book DROP COLUMN series")
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier <> 'v1'")
            }
            if let unknown { try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [unknown]) }
        }
        // Everything into the main file, so that its bytes show any later change.
        _ = try queue.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        try queue.close()
    }

    @Test func aCatalogOfANewerSheafIsRefusedAndLeftAsItWas() throws {
        let scratch = try Scratch()
        try Catalog(folder: scratch.path("")).record(Self.book("a.epub"), articles: [Self.article("x", in: "a.epub")])
        try Self.rewind(scratch.path(""), keeping: "all", adding: "v99")
        let before = FileManager.default.contents(atPath: scratch.path(Catalog.fileName))
        #expect {
            _ = try Catalog(folder: scratch.path(""))
        } throws: { error in
            (error as? SheafError)?.reason.contains("made by a newer Sheaf") == true
        }
        #expect(FileManager.default.contents(atPath: scratch.path(Catalog.fileName)) == before)
        #expect(throws: SheafError.self) { _ = try Catalog(folder: scratch.path(""), readOnly: true) }
        #expect(FileManager.default.contents(atPath: scratch.path(Catalog.fileName)) == before)
    }

    @Test func aVersion1CatalogIsReadAsItIsWhenReadOnlyAndMigratedOtherwise() throws {
        let scratch = try Scratch()
        try Catalog(folder: scratch.path("")).record(Self.book("a.epub"), articles: [Self.article("x", in: "a.epub")])
        try Self.rewind(scratch.path(""))
        let before = FileManager.default.contents(atPath: scratch.path(Catalog.fileName))
        let old = try Catalog(folder: scratch.path(""), readOnly: true)
        #expect(try old.books().map(\.file) == ["a.epub"])
        #expect(try old.books().first?.series == nil)
        #expect(throws: SheafError.self) { try old.adopt(["a.epub": "s"]) }
        #expect(FileManager.default.contents(atPath: scratch.path(Catalog.fileName)) == before)

        let migrated = try Catalog(folder: scratch.path(""))
        try migrated.adopt(["a.epub": "weekly"])
        #expect(try migrated.books().map(\.series) == ["weekly"])
    }

    @Test func aMissingCatalogIsNotCreatedReadOnly() throws {
        let scratch = try Scratch()
        #expect(throws: SheafError.self) { _ = try Catalog(folder: scratch.path(""), readOnly: true) }
        #expect(!FileManager.default.fileExists(atPath: scratch.path(Catalog.fileName)))
    }
}
