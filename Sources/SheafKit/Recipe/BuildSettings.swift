/// One layer of build settings — the recipe file's `[defaults]`, one recipe, or the command line — where
/// nil means "not said here". Layers stack: a later layer's values win.
public struct BuildSettings: Sendable, Equatable {
    /// Collection roots, folders or article files to build.
    public var inputs: [String]?
    /// The input format every input is read as; nil lets Sheaf choose each file's.
    public var format: String?
    /// Only articles of these channels.
    public var channels: [String]?
    /// How articles are grouped into books (default week).
    public var groupBy: Grouping?
    /// Index files whose order and selection the books follow.
    public var indexes: [String]?
    /// Only articles dated on or after this day.
    public var since: ArticleDate?
    /// Only articles dated on or before this day.
    public var until: ArticleDate?
    /// Only articles of the last days or weeks, today included: `7d`, `2w`.
    public var last: String?
    /// 1 = Monday … 7 = Sunday.
    public var weekStart: Int?
    /// Split a book with more articles into balanced parts.
    public var maxArticles: Int?
    /// Split a book with more bytes of article HTML into balanced parts.
    public var maxSize: Int?
    /// The book title, or a pattern over `{collection}`, `{key}`…
    public var title: String?
    /// The book file names, as a pattern.
    public var fileName: String?
    /// The books' BCP 47 language tag (default: guessed).
    public var language: String?
    /// The folder the books are written to (default `books`).
    public var out: String?
    /// A folder of templates overriding the built-in ones.
    public var templates: String?
    /// An image used as every book's cover instead of the generated one.
    public var cover: String?
    /// An offline image cache laid out by URL.
    public var images: String?
    /// The reader the books are made for (default generic).
    public var device: DeviceProfile.Device?
    /// A folder every finished book is copied into.
    public var to: String?
    /// Keep a catalog in the output folder (default true).
    public var catalog: Bool?
    /// Package again articles that an earlier book holds (default false).
    public var `repeat`: Bool?
    /// Delete the books no volume makes any more (default false).
    public var prune: Bool?
    /// Whether the article is looked for in web pages (default auto) or each page packaged whole (off).
    public var extract: PageExtraction.Mode?
    /// Selectors of the article's parts in web pages.
    public var keep: [String]?
    /// Selectors of what is never the article in web pages.
    public var remove: [String]?
    /// Extraction rules by site (host name, covering its subdomains).
    public var sites: [String: PageExtraction.Rules]?

    /// A layer that says nothing.
    public init() {}

    /// These settings with every value `other` gives put over them.
    public func overridden(by other: BuildSettings) -> BuildSettings {
        var merged = self
        merged.inputs = other.inputs ?? inputs
        merged.format = other.format ?? format
        merged.channels = other.channels ?? channels
        merged.groupBy = other.groupBy ?? groupBy
        merged.indexes = other.indexes ?? indexes
        // A window given on top replaces the whole window below it: --last and --since/--until exclude each other.
        if other.since != nil || other.until != nil || other.last != nil {
            (merged.since, merged.until, merged.last) = (other.since, other.until, other.last)
        }
        merged.weekStart = other.weekStart ?? weekStart
        merged.maxArticles = other.maxArticles ?? maxArticles
        merged.maxSize = other.maxSize ?? maxSize
        merged.title = other.title ?? title
        merged.fileName = other.fileName ?? fileName
        merged.language = other.language ?? language
        merged.out = other.out ?? out
        merged.templates = other.templates ?? templates
        merged.cover = other.cover ?? cover
        merged.images = other.images ?? images
        merged.device = other.device ?? device
        merged.to = other.to ?? to
        merged.catalog = other.catalog ?? catalog
        merged.repeat = other.repeat ?? self.repeat
        merged.prune = other.prune ?? prune
        merged.extract = other.extract ?? extract
        merged.keep = other.keep ?? keep
        merged.remove = other.remove ?? remove
        // A site's rules on top replace that site's rules below; other sites stay.
        if let otherSites = other.sites { merged.sites = (sites ?? [:]).merging(otherSites) { _, new in new } }
        return merged
    }

    /// The options a build runs with: what is not set takes its default; `--last` is dated by `environment`.
    public func buildOptions(environment: BuildEnvironment, jobs: Int = BuildOptions.defaultJobs) throws -> BuildOptions {
        var window = try DateWindow.checked(since: since, until: until)
        try title.map { try NamePattern.check($0, key: "title", known: NamePattern.title) }
        try fileName.map { try NamePattern.check($0, key: "file-name", known: NamePattern.fileName) }
        if let last {
            guard let today = environment.today else {
                throw SheafError(stage: .collect, "a relative window (last = \(last)) needs today's date")
            }
            window = try DateWindow.last(last, today: today)
        }
        if let format { _ = try InputDoor(format: format) }
        let profile = DeviceProfile(device ?? .generic)
        let grouping = groupBy ?? (indexes == nil ? .week : .index)
        var options = BuildOptions(
            inputs: inputs ?? ["Samples"], outputDirectory: out ?? "books", grouping: grouping, title: title,
            language: language, templatesDirectory: templates, jobs: jobs, window: window, weekStart: weekStart ?? 1,
            limits: VolumeLimits(maxArticles: maxArticles, maxSize: maxSize ?? profile.defaultMaxSize),
            channels: channels, indexes: indexes, fileNamePattern: fileName, catalog: catalog ?? true,
            repeatArticles: self.repeat ?? false, prune: prune ?? false, coverFile: cover, imagesDirectory: images,
            device: profile, sideloadDirectory: to)
        options.format = format
        options.extraction = extraction
        try options.extraction.check()
        return options
    }
}

extension BuildSettings {
    /// The web page extraction these settings give.
    public var extraction: PageExtraction {
        PageExtraction(all: PageExtraction.Rules(mode: extract, keep: keep ?? [], remove: remove ?? []), sites: sites ?? [:])
    }

    /// The names of the input formats Sheaf reads (`mirror`), the values `format` takes.
    public static var formatNames: [String] { InputDoor.knownFormats.map(\.name) }

    /// `name` when it names a known input format; else an error that lists the known ones.
    public static func checkedFormat(_ name: String) throws -> String {
        _ = try InputDoor(format: name)
        return name
    }
}
