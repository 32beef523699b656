import GRDB

/// One book the catalog knows of: what it was made from and what was written.
public struct CatalogBook: Sendable, Equatable, Codable {
    /// The book's file name inside the output folder: the catalog's key for it.
    public var file: String
    /// The collection the book was made from, by its root folder's name.
    public var collection: String
    /// The volume's key within its collection (`2021-W03`, a channel's name).
    public var volumeKey: String
    /// The book's title.
    public var title: String
    /// The package identifier (`urn:uuid:…`), kept when the book is rebuilt.
    public var identifier: String
    /// `VolumeFingerprint` of everything the book was made from.
    public var fingerprint: String
    /// FNV-1a of the written file's bytes, and its size: a changed or missing file is rebuilt.
    public var fileHash: String
    /// The written file's size in bytes.
    public var fileSize: Int
    /// How many articles the book holds.
    public var articleCount: Int
    /// `YYYY-MM-DD` of the oldest and newest dated article.
    public var oldestDate: String?
    /// `YYYY-MM-DD` of the newest dated article.
    public var newestDate: String?
    /// The series the book belongs to (`BuildOptions.series(of:)`); nil for a book recorded before series existed,
    /// until a build plans its file name and adopts it.
    public var series: String?

    /// A catalog row with every field given.
    public init(file: String, collection: String, volumeKey: String, title: String, identifier: String,
                fingerprint: String, fileHash: String, fileSize: Int, articleCount: Int,
                oldestDate: String?, newestDate: String?, series: String? = nil) {
        self.file = file
        self.collection = collection
        self.volumeKey = volumeKey
        self.title = title
        self.identifier = identifier
        self.fingerprint = fingerprint
        self.fileHash = fileHash
        self.fileSize = fileSize
        self.articleCount = articleCount
        self.oldestDate = oldestDate
        self.newestDate = newestDate
        self.series = series
    }
}

extension CatalogBook: FetchableRecord, PersistableRecord {
    /// The catalog's table of books.
    public static let databaseTableName = "book"
}
