/// How articles are grouped into books.
public enum Grouping: String, Sendable, Codable, CaseIterable {
    case week, month, day, channel, all
    /// One book per index page (`indexes/73.md`), holding the articles it lists in its order.
    case index
}

/// One book to make: its name, its sections and the articles in reading order (no bodies yet).
public struct Volume: Sendable, Equatable, Codable {
    /// A stable key for the volume within its collection: `2021-W03`, `2021-01`, `2021-01-18`,
    /// `channel-73`, `all`, `undated`.
    public var key: String
    /// The book's title (`mh-news 2021-W03`).
    public var title: String
    /// A short line under the title: the date range, the channel (`18–24 January 2021`).
    public var subtitle: String?
    /// The collection's name (`mh-news`).
    public var collection: String
    /// ASCII file name of the book (`mh-news-2021-W03.epub`).
    public var fileName: String
    /// BCP 47 language tag for the book (`zh`, `en`).
    public var language: String
    /// Sections in reading order; a section without a title means the volume has no sections.
    public var sections: [VolumeSection]

    /// A volume with every field given.
    public init(key: String, title: String, subtitle: String?, collection: String, fileName: String,
                language: String, sections: [VolumeSection]) {
        self.key = key
        self.title = title
        self.subtitle = subtitle
        self.collection = collection
        self.fileName = fileName
        self.language = language
        self.sections = sections
    }

    /// All articles in reading order, unpacked: take them once per use.
    public var articles: [ArticleHeader] { sections.flatMap(\.articles) }

    /// How many articles the volume holds (without unpacking them).
    public var articleCount: Int { sections.reduce(0) { $0 + $1.packedArticles.count } }

    /// Bytes of article HTML in the volume, as the first pass measured them.
    public var articleBytes: Int { sections.reduce(0) { $0 + $1.packedArticles.reduce(0) { $0 + $1.size } } }

    /// The newest article date in the volume, if any article is dated.
    public var newestDate: ArticleDate? { articles.compactMap(\.date).max() }
    /// The oldest article date in the volume, if any article is dated.
    public var oldestDate: ArticleDate? { articles.compactMap(\.date).min() }
}

/// A run of articles inside a volume, e.g. one day of a weekly digest.
public struct VolumeSection: Sendable, Equatable, Codable {
    /// The heading in the table of contents (`2021-01-18 星期一`), or nil for an unsectioned volume.
    public var title: String?
    /// Packed: a plan holds every article of the collection until its volume is made. How they are held is
    /// the build's business; users of the model see `articles`.
    var packedArticles: PackedList<ArticleHeader>

    /// The section's articles in reading order, unpacked: take them once per use.
    public var articles: [ArticleHeader] {
        get { Array(packedArticles) }
        set { packedArticles = PackedList(newValue) }
    }

    /// A section titled `title` (nil: unsectioned) holding `articles` in order.
    public init(title: String?, articles: some Sequence<ArticleHeader>) {
        self.title = title
        self.packedArticles = PackedList(articles)
    }

    // The JSON of a plan says `articles`, as it did when the list was stored so.
    private enum CodingKeys: String, CodingKey {
        case title
        case packedArticles = "articles"
    }
}
