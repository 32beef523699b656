/// What Sheaf knows about one article apart from its body: enough to group, sort, de-duplicate and list it.
public struct ArticleHeader: Sendable, Hashable, Codable {
    /// The file stem: the source site's article id (`407787` for `pages/73/407787.md`).
    public var id: String
    /// The article's folder name (`73`).
    public var channel: String
    /// The article's own title, cleaned of entities and stray whitespace; never empty.
    public var title: String
    /// The date from the dateline, else from the source URL; nil when neither has one.
    public var date: ArticleDate?
    /// The original article's URL as the file gives it (`原文地址…：URL`), if any.
    public var source: String?
    /// The publishing site's name from the dateline (`明慧网`, `看中国`), else the source URL's host.
    public var site: String?
    /// Every input path merged into this article, as opened; the first is the one read.
    public var files: [String]
    /// Bytes of the article's HTML body as read: what volume size limits estimate a book's size from.
    public var size: Int
    /// `FNV1a` hex of the HTML body as read, when a catalog needs it to tell a book unchanged; else nil.
    public var bodyHash: String?

    /// A header with every field given.
    public init(id: String, channel: String, title: String, date: ArticleDate?, source: String?,
                site: String?, files: [String], size: Int = 0, bodyHash: String? = nil) {
        self.id = id
        self.channel = channel
        self.title = title
        self.date = date
        self.source = source
        self.site = site
        self.files = files
        self.size = size
        self.bodyHash = bodyHash
    }
}

extension ArticleHeader: Packable {
    public func pack(into writer: inout PackedWriter) {
        writer.write(id)
        writer.write(channel)
        writer.write(title)
        writer.write(date?.dayNumber)
        writer.write(source)
        writer.write(site)
        writer.write(files)
        writer.write(size)
        writer.write(bodyHash)
    }

    public init(unpacking reader: inout PackedReader) {
        self.init(id: reader.readString(), channel: reader.readString(), title: reader.readString(),
                  date: reader.readOptionalInt().map(ArticleDate.init(dayNumber:)),
                  source: reader.readOptionalString(), site: reader.readOptionalString(),
                  files: reader.readStrings(), size: reader.readInt(), bodyHash: reader.readOptionalString())
    }
}

/// One article as read from its file: the header and the raw HTML of its content.
public struct Article: Sendable, Equatable, Codable {
    public var header: ArticleHeader
    /// The article's HTML between the navigation line and the share block, as found (still soup).
    public var bodyHTML: String
    /// What the reader repaired in the file's text (an encoding decoded, invalid bytes replaced): notes for the report.
    public var notes: [Diagnostic]

    public init(header: ArticleHeader, bodyHTML: String, notes: [Diagnostic] = []) {
        self.header = header
        self.bodyHTML = bodyHTML
        self.notes = notes
    }
}
