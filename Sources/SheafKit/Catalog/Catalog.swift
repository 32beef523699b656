import Foundation
import GRDB

/// The archive's memory, a SQLite file in the output folder: every book written and every article it holds.
///
/// Each book's row and its articles' rows change together in one transaction, and only after the book's file
/// is in place, so a run killed at any moment leaves rows that describe files on disk (or no row at all).
public struct Catalog: Sendable {
    /// The catalog's file name inside an output folder.
    public static let fileName = ".sheaf-catalog.sqlite"

    /// Path of the database file.
    public let path: String
    private let queue: DatabaseQueue

    /// Opens (creating when missing) the catalog of the books in `folder` and brings its schema up to date.
    public init(folder: String) throws {
        path = InputPath.join(folder, Self.fileName)
        do {
            var configuration = Configuration()
            // Another build writing into the same folder holds the lock only for one book's rows at a time.
            configuration.busyMode = .timeout(30)
            configuration.journalMode = .wal
            // Rows are written a book at a time and read back by book: a small page cache is enough, and SQLite's
            // default (2 MB) would grow with the catalog.
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -256") }
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrator.migrate(queue)
        } catch {
            throw SheafError(stage: .write, file: path, "cannot open the catalog: \(Self.describe(error))")
        }
    }

    /// Every book, by file name.
    public func books() throws -> [CatalogBook] {
        try reading { try CatalogBook.order(Column("file")).fetchAll($0) }
    }

    /// Every packaged article, book by book in reading order.
    public func articles() throws -> [CatalogArticle] {
        try reading { try CatalogArticle.order(Column("book"), Column("position")).fetchAll($0) }
    }

    /// The key of each article packaged in a book that is not among `planned`, with that book. Read row by row,
    /// two columns: a large catalog is not held whole to find the few articles a new build leaves out.
    func packagedArticles(outside planned: Set<String>) throws -> [(key: String, book: String)] {
        try reading { db in
            var found: [(key: String, book: String)] = []
            let rows = try Row.fetchCursor(db, CatalogArticle.select(Column("key"), Column("book")))
            while let row = try rows.next() {
                let book: String = row["book"]
                if !planned.contains(book) { found.append((key: row["key"], book: book)) }
            }
            return found
        }
    }

    /// The chapters of `book`'s articles, in reading order.
    func chapters(of book: String) throws -> [String] {
        try reading { db in
            try String.fetchAll(db, CatalogArticle.select(Column("chapter"))
                .filter(Column("book") == book).order(Column("position")))
        }
    }

    /// Replaces the book's row and its articles' rows in one transaction.
    func record(_ book: CatalogBook, articles: [CatalogArticle]) throws {
        try writing { db in
            try CatalogArticle.filter(Column("book") == book.file).deleteAll(db)
            try book.save(db)
            for article in articles { try article.insert(db) }
        }
    }

    /// Forgets a book and its articles.
    func remove(book file: String) throws {
        try writing { db in
            try CatalogArticle.filter(Column("book") == file).deleteAll(db)
            _ = try CatalogBook.deleteOne(db, key: file)
        }
    }

    // MARK: - Schema

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: CatalogBook.databaseTableName) { table in
                table.primaryKey("file", .text)
                table.column("collection", .text).notNull()
                table.column("volumeKey", .text).notNull()
                table.column("title", .text).notNull()
                table.column("identifier", .text).notNull()
                table.column("fingerprint", .text).notNull()
                table.column("fileHash", .text).notNull()
                table.column("fileSize", .integer).notNull()
                table.column("articleCount", .integer).notNull()
                table.column("oldestDate", .text)
                table.column("newestDate", .text)
            }
            try db.create(table: CatalogArticle.databaseTableName) { table in
                table.column("book", .text).notNull()
                    .references(CatalogBook.databaseTableName, onDelete: .cascade)
                table.column("position", .integer).notNull()
                table.column("key", .text).notNull().indexed()
                table.column("title", .text).notNull()
                table.column("date", .text)
                table.column("source", .text)
                table.column("files", .text).notNull()
                table.column("bodyHash", .text).notNull()
                table.column("chapter", .text).notNull()
                table.primaryKey(["book", "position"])
            }
        }
        return migrator
    }

    // MARK: - Access

    private func reading<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch {
            throw SheafError(stage: .read, file: path, "cannot read the catalog: \(Self.describe(error))")
        }
    }

    private func writing(_ body: (Database) throws -> Void) throws {
        do {
            try queue.write(body)
        } catch {
            throw SheafError(stage: .write, file: path, "cannot update the catalog: \(Self.describe(error))")
        }
    }

    private static func describe(_ error: Error) -> String {
        (error as? DatabaseError)?.message ?? "\(error)"
    }
}
