import GRDB

/// One packaged article: which book holds it, where, and the hash of the body it was made from.
struct CatalogArticle: Sendable, Equatable, Codable {
    /// `ArticleKey.key(for:)`: the source URL's key, else `channel/id`.
    var key: String
    /// The file name of the book that holds it.
    var book: String
    /// Its place in the book's reading order, from 0.
    var position: Int
    var title: String
    /// `YYYY-MM-DD`, or nil when undated.
    var date: String?
    var source: String?
    /// Every input file merged into the article, one per line.
    var files: String
    /// FNV-1a of the article's HTML body as read.
    var bodyHash: String
    /// Its first XHTML file inside the book.
    var chapter: String

    init(key: String, book: String, position: Int, title: String, date: String?, source: String?,
                files: String, bodyHash: String, chapter: String) {
        self.key = key
        self.book = book
        self.position = position
        self.title = title
        self.date = date
        self.source = source
        self.files = files
        self.bodyHash = bodyHash
        self.chapter = chapter
    }
}

extension CatalogArticle: FetchableRecord, PersistableRecord {
    static let databaseTableName = "article"
}
