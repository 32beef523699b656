/// An index page of a collection (`indexes/73.md`): a titled reading list of articles, in its own order.
struct IndexListing: Sendable, Equatable, Codable {
    /// The index file's stem (`73`).
    var name: String
    /// The title the collection's README menu gives the index (`天人之间`), if any.
    var title: String?
    /// The index file as opened.
    var file: String
    /// The linked articles in the index's order, each once.
    var entries: [Entry]

    struct Entry: Sendable, Equatable, Codable {
        /// The title the index shows (it can differ from the article's own).
        var title: String
        var channel: String
        var id: String
        /// Whether the page's file is in the collection on disk, read or not: a page outside the folder given
        /// as input is not missing.
        var onDisk = false
        /// The page as its format names it, for messages (the mirror: `pages/73/9.md`); nil names it `73/9`.
        var page: String? = nil

        /// The page as messages name it.
        var pageName: String { page ?? channel + "/" + id }
    }

    init(name: String, title: String?, file: String, entries: [Entry]) {
        self.name = name
        self.title = title
        self.file = file
        self.entries = entries
    }

    /// The index name a user's reference means: `73` for `73`, `indexes/73.md` or `/x/indexes/73.md`.
    static func name(of reference: String) -> String {
        let last = reference.split(separator: "/").last.map(String.init) ?? reference
        return last.hasSuffix(".md") ? String(last.dropLast(3)) : last
    }
}
