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

    /// Opens (creating when missing) the catalog of the books in `folder` and brings its schema up to date;
    /// `readOnly` opens an existing one as it is, never migrating or writing it (`sheaf catalog`, while a build
    /// may be writing). A catalog made by a newer Sheaf (a migration this one does not know) is refused, untouched.
    public init(folder: String, readOnly: Bool = false) throws {
        path = InputPath.join(folder, Self.fileName)
        do {
            // Checked on a read-only connection first: opening for writing sets up WAL mode, which writes.
            if readOnly || FileManager.default.fileExists(atPath: path) {
                let reader = try DatabaseQueue(path: path, configuration: Self.configuration(readOnly: true))
                try Self.refuseNewer(reader, path: path)
                if readOnly {
                    queue = reader
                    return
                }
                try reader.close()
            }
            queue = try DatabaseQueue(path: path, configuration: Self.configuration(readOnly: false))
            try Self.migrator.migrate(queue)
        } catch let error as SheafError {
            throw error
        } catch {
            throw SheafError(stage: .write, file: path, "cannot open the catalog: \(Self.describe(error))")
        }
    }

    private static func configuration(readOnly: Bool) -> Configuration {
        var configuration = Configuration()
        // Another build writing into the same folder holds the lock only for one book's rows at a time.
        configuration.busyMode = .timeout(30)
        configuration.readonly = readOnly
        if !readOnly { configuration.journalMode = .wal }
        // Rows are written a book at a time and read back by book: a small page cache is enough, and SQLite's
        // default (2 MB) would grow with the catalog.
        configuration.prepareDatabase { db in
            try db.execute(sql: readOnly ? "PRAGMA cache_size = -256" : "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -256")
        }
        return configuration
    }

    /// Throws when the catalog records a migration this Sheaf does not know: its schema is not this one's to use.
    private static func refuseNewer(_ queue: DatabaseQueue, path: String) throws {
        let unknown = try queue.read { try migrator.appliedIdentifiers($0) }.subtracting(migrator.migrations)
        guard unknown.isEmpty else {
            throw SheafError(stage: .read, file: path, "the catalog was made by a newer Sheaf (schema "
                             + unknown.sorted().joined(separator: ", ") + "): build with that version, or into another folder")
        }
    }

    /// Every book, by file name.
    public func books() throws -> [CatalogBook] {
        try reading { try CatalogBook.order(Column("file")).fetchAll($0) }
    }

    /// Every packaged article, book by book in reading order.
    func articles() throws -> [CatalogArticle] {
        try reading { try CatalogArticle.order(Column("book"), Column("position")).fetchAll($0) }
    }

    /// The key of each article packaged in one of `books`, with that book. Read row by row, two columns: a large
    /// catalog is not held whole to find the few articles a new build leaves out.
    func packagedArticles(in books: Set<String>) throws -> [(key: String, book: String)] {
        guard !books.isEmpty else { return [] }
        return try reading { db in
            var found: [(key: String, book: String)] = []
            let rows = try Row.fetchCursor(db, CatalogArticle.select(Column("key"), Column("book")))
            while let row = try rows.next() {
                let book: String = row["book"]
                if books.contains(book) { found.append((key: row["key"], book: book)) }
            }
            return found
        }
    }

    /// Gives each book (by file name) the series of the build that plans it, in one transaction: how a book
    /// recorded before series existed joins one.
    func adopt(_ series: [String: String]) throws {
        guard !series.isEmpty else { return }
        try writing { db in
            for (file, name) in series.sorted(by: { $0.key < $1.key }) {
                try CatalogBook.filter(Column("file") == file).updateAll(db, Column("series").set(to: name))
            }
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
        migrator.registerMigration("v2") { db in
            // Books recorded before have none: see `CatalogBook.series`.
            try db.alter(table: CatalogBook.databaseTableName) { table in table.add(column: "series", .text) }
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
