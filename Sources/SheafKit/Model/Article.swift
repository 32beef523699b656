/// What Sheaf knows about one article apart from its body: enough to group, sort, de-duplicate and list it.
public struct ArticleHeader: Sendable, Hashable, Codable {
    /// The article's id within its folder: for the mirror the file stem, the source site's article id
    /// (`407787` for `pages/73/407787.md`).
    public var id: String
    /// What `--group-by channel` groups by (`73`): the format's channel, else the article's folder.
    public var channel: String
    /// The article's own title, cleaned of entities and stray whitespace; never empty.
    public var title: String
    /// The date from the dateline, else from the source URL; nil when neither has one.
    public var date: ArticleDate?
    /// The original article's URL as the file gives it, if any.
    public var source: String?
    /// The publishing site's name (`明慧网`, `看中国`), else the source URL's host.
    public var site: String?
    /// Every input path merged into this article, as opened; the first is the one read.
    public var files: [String]
    /// Bytes of the article's HTML body as read: what volume size limits estimate a book's size from.
    public var size: Int
    /// `FNV1a` hex of the HTML body as read, when a catalog needs it to tell a book unchanged; else nil.
    public var bodyHash: String?
    /// The authors the input names, in its order (none when it names none).
    public var authors: [String] = []
    /// The article's BCP 47 language when the input declares it (`zh-Hans`, `en`); nil when it does not.
    public var language: String?
    /// The input's tags or categories, in its order.
    public var tags: [String] = []
    /// The name of the folder holding the article's file (`73`): what a format without channels groups by.
    public var folder: String = ""
    /// The feed or export the article came from, for a format that holds many articles in one file.
    public var feed: String?
    /// The name of the input format that read the article (`mirror`): the one that loads its body again.
    public var format: String = ""
    /// Which article of its file this is, for a file of many (a feed's entry id); empty for a file of one.
    public var entry: String = ""
    /// For a format that finds the article inside a page: characters of text and pictures it kept; else nil.
    public var kept: KeptContent?

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

    /// Titles longer than this many characters are cut (with "…"): a title is a line in the table of contents.
    public static let maximumTitleLength = 300

    /// Where the body of this article is loaded from: its first file and its entry there.
    var reference: EntryReference { EntryReference(file: files.first ?? "", entry: entry) }
}

extension ArticleHeader: Packable {
    func pack(into writer: inout PackedWriter) {
        writer.write(id)
        writer.write(channel)
        writer.write(title)
        writer.write(date?.dayNumber)
        writer.write(source)
        writer.write(site)
        writer.write(files)
        writer.write(size)
        writer.write(bodyHash)
        writer.write(authors)
        writer.write(language)
        writer.write(tags)
        writer.write(folder)
        writer.write(feed)
        writer.write(format)
        writer.write(entry)
        writer.write(kept?.characters)
        writer.write(kept?.images)
    }

    init(unpacking reader: inout PackedReader) {
        self.init(id: reader.readString(), channel: reader.readString(), title: reader.readString(),
                  date: reader.readOptionalInt().map(ArticleDate.init(dayNumber:)),
                  source: reader.readOptionalString(), site: reader.readOptionalString(),
                  files: reader.readStrings(), size: reader.readInt(), bodyHash: reader.readOptionalString())
        authors = reader.readStrings()
        language = reader.readOptionalString()
        tags = reader.readStrings()
        folder = reader.readString()
        feed = reader.readOptionalString()
        format = reader.readString()
        entry = reader.readString()
        let characters = reader.readOptionalInt(), images = reader.readOptionalInt()
        kept = characters.map { KeptContent(characters: $0, images: images ?? 0) }
    }
}

/// What extraction kept of a page: what the report says of it.
public struct KeptContent: Sendable, Hashable, Codable {
    /// Characters of visible text, whitespace not counted.
    public var characters: Int
    /// Pictures.
    public var images: Int

    /// What was kept, as counted.
    public init(characters: Int, images: Int) {
        self.characters = characters
        self.images = images
    }
}

/// One article as read from its file: the header and the raw HTML of its content.
struct Article: Sendable, Equatable, Codable {
    var header: ArticleHeader
    /// The article's HTML between the navigation line and the share block, as found (still soup).
    var bodyHTML: String
    /// What the reader repaired in the file's text (an encoding decoded, invalid bytes replaced): notes for the report.
    var notes: [Diagnostic]
    /// What the format that read the body says about its images.
    var policy: BodyPolicy
    /// The path relative images are read against, as the format gives it with the body; nil: the article's first file.
    var base: String?

    init(header: ArticleHeader, bodyHTML: String, notes: [Diagnostic] = [], policy: BodyPolicy = BodyPolicy(),
         base: String? = nil) {
        self.header = header
        self.bodyHTML = bodyHTML
        self.notes = notes
        self.policy = policy
        self.base = base
    }
}
