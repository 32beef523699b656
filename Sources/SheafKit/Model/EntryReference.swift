/// Where one article's body is loaded from: the file that holds it and, for a file of many, which entry.
struct EntryReference: Sendable, Hashable, Codable {
    /// The path as opened.
    var file: String
    /// The entry's key within the file (a feed's entry id); empty for a file that holds one article.
    var entry: String

    init(file: String, entry: String = "") {
        self.file = file
        self.entry = entry
    }
}
