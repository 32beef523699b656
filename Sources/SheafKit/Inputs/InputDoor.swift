/// The one way in for inputs: holds the formats Sheaf knows and says which reads a path.
struct InputDoor: Sendable {
    /// Every format Sheaf reads, in the order they are asked.
    static let knownFormats: [any InputFormat] = formats()

    /// Every format Sheaf reads, those that find articles in web pages following `extraction`.
    static func formats(extraction: PageExtraction = PageExtraction()) -> [any InputFormat] {
        let pages = WebPageFormat(extraction: extraction)
        return [MirrorFormat(), pages, WARCFormat(pages: pages)]
    }

    /// The formats this door asks: all known ones, or the one `--format` forces.
    let formats: [any InputFormat]
    /// Whether one format was forced: it then reads every file named as an input, whatever its name.
    let isForced: Bool

    /// The door to every known format.
    static let standard = InputDoor(formats: knownFormats, isForced: false)

    /// A door to `formats`, asked in this order (a library's own formats too).
    init(formats: [any InputFormat], isForced: Bool = false) {
        self.formats = formats
        self.isForced = isForced
    }

    /// A door to every known format, or to the one named (`mirror`); an unknown name is an error naming the known.
    /// Web pages are read following `extraction`.
    init(format name: String? = nil, extraction: PageExtraction = PageExtraction()) throws {
        let known = extraction.isDefault ? Self.knownFormats : Self.formats(extraction: extraction)
        guard let name else {
            (formats, isForced) = (known, false)
            return
        }
        guard let format = known.first(where: { $0.name == name }) else {
            throw SheafError(stage: .read, "unknown input format '\(name)'; the known formats are "
                             + Self.knownFormats.map(\.name).joined(separator: ", "))
        }
        (formats, isForced) = ([format], true)
    }

    /// The known format named `name`, if any.
    func format(named name: String) -> (any InputFormat)? {
        formats.first { $0.name == name } ?? Self.knownFormats.first { $0.name == name }
    }

    // MARK: - Recognising

    /// What becomes of a file met at `path`.
    enum Verdict: Sendable, Equatable {
        /// Read by the format of this name.
        case read(String)
        /// Passed over silently: a format's furniture, or a resource of the articles (an image, a stylesheet).
        case passed
        /// Skipped and reported, with the reason.
        case skipped(Diagnostic)
    }

    /// Which format reads the file at `path`: by its name, and for a file named as an input (`named`), by its
    /// first bytes when the name does not say.
    func verdict(for path: String, named: Bool) -> Verdict {
        let name = InputPath.lastComponent(path)
        if isForced, named, let format = formats.first { return .read(format.name) }
        var bytes: [UInt8]? = nil
        for pass in named ? [false, true] : [false] {
            if pass { bytes = InputPath.firstBytes(of: path, count: Self.sniffedBytes) }
            for format in formats {
                switch format.recognises(name: name, firstBytes: bytes) {
                case .articles: return .read(format.name)
                case .furniture: return .passed
                case .unknown: continue
                }
            }
        }
        if !named, Self.isResource(name) { return .passed }
        return .skipped(Diagnostic(.warning, stage: .read, file: path, "not an article: no reader for " + Self.kind(of: name)))
    }

    /// How many bytes of a file's start a format may look at.
    static let sniffedBytes = 512

    /// Files that come with articles (their pictures, styles, scripts and fonts): never articles themselves.
    static let resourceExtensions: Set<String> = [
        "png", "jpg", "jpeg", "gif", "webp", "svg", "bmp", "tif", "tiff", "ico", "avif", "heic",
        "css", "js", "woff", "woff2", "ttf", "otf",
    ]

    static func isResource(_ name: String) -> Bool {
        InputPath.fileExtension(of: name).map { resourceExtensions.contains($0) } ?? false
    }

    /// `.docx files`, `files without an extension`: the kind of file no format reads.
    static func kind(of name: String) -> String {
        InputPath.fileExtension(of: name).map { ".\($0) files" } ?? "files without an extension"
    }

    // MARK: - Reading

    /// Every article of the file, as `format` reads it: its headers carry the format's name and the file's folder,
    /// and a format without channels groups by that folder (`--group-by channel`, `--channel`).
    func readArticles(in file: InputFile, each: (Result<Article, Diagnostic>) -> Void) {
        guard let format = format(named: file.format) else {
            each(.failure(Diagnostic(.warning, stage: .read, file: file.path, "no reader named \(file.format)")))
            return
        }
        format.readArticles(in: file.path) { result in
            each(result.map { article in
                var read = article
                read.header.format = format.name
                if read.header.folder.isEmpty { read.header.folder = InputPath.folderName(of: file.path) }
                if read.header.channel.isEmpty { read.header.channel = read.header.folder }
                return read
            })
        }
    }

    /// The body of an article whose header was read before, by the format that read it.
    func loadBody(of header: ArticleHeader) -> Result<ArticleBody, Diagnostic> {
        let reference = header.reference
        guard let format = format(named: header.format) else {
            return .failure(Diagnostic(.warning, stage: .read, file: reference.file, "no reader named \(header.format)"))
        }
        return format.loadBody(reference)
    }

    /// What the format that read `header` says about its body's images; none known for an unknown format.
    func bodyPolicy(of header: ArticleHeader) -> BodyPolicy {
        format(named: header.format)?.bodyPolicy(ofFile: header.reference.file) ?? BodyPolicy()
    }
}
