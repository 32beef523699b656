import Foundation

/// A book made from articles held in memory, written through the same XHTML writer, assembler and EPUB writer
/// as a build: pictures embedded, a cover, a title page, nav and NCX; valid EPUB 3.3.
///
/// The only file written is the book: nothing is read from disk. The same values always give the same bytes.
///
/// ```swift
/// let book = MemoryBook(title: "Notes", articles: [
///     MemoryArticle(title: "Hello", date: ArticleDate(year: 2024, month: 5, day: 1), html: "<p>Hello.</p>"),
/// ])
/// try book.write(to: "notes.epub")
/// ```
public struct MemoryBook: Sendable, Equatable {
    /// The book's title, on its cover and title page.
    public var title: String
    /// The articles in reading order, one chapter each.
    public var articles: [MemoryArticle]
    /// BCP 47 language tag (`zh`, `en-GB`); nil guesses `zh` or `en` from the articles' titles.
    public var language: String?
    /// Named as the book's creator and publisher; nil names the title.
    public var author: String?
    /// The package's unique identifier; nil derives a `urn:uuid:` from the book's contents, the same for the
    /// same articles.
    public var identifier: String?
    /// A cover picture as JPEG or PNG bytes (made a JPEG of at most 1600×2400); nil draws one from the title.
    public var cover: Data?
    /// The reader the book is made for: its picture sizes, and Kobo's sentence spans.
    public var device: DeviceProfile.Device
    /// The book's modification time in seconds since 1970 (as `SOURCE_DATE_EPOCH` gives it to a build); nil
    /// dates it by its newest article.
    public var sourceDateEpoch: Int?

    /// A book titled `title` holding `articles`; the other options have their defaults.
    public init(title: String, articles: [MemoryArticle], language: String? = nil, author: String? = nil,
                identifier: String? = nil, cover: Data? = nil, device: DeviceProfile.Device = .generic,
                sourceDateEpoch: Int? = nil) {
        self.title = title
        self.articles = articles
        self.language = language
        self.author = author
        self.identifier = identifier
        self.cover = cover
        self.device = device
        self.sourceDateEpoch = sourceDateEpoch
    }

    /// Writes the book to `path` (atomically; its folder is created when missing) and returns what is worth
    /// knowing about it: repairs made, pictures that could not be used. Throws a `SheafError` when the book
    /// cannot be made (no articles, an untitled one, a cover that is not a picture) or written.
    @discardableResult
    public func write(to path: String) throws -> [Diagnostic] {
        let profile = DeviceProfile(device)
        let volume = try MemoryVolume(book: self, fileName: (path as NSString).lastPathComponent, device: profile)
        let (chapters, notes) = chapters(of: volume, device: profile, file: path)
        let environment = BuildEnvironment(sourceDateEpoch: sourceDateEpoch)
        var assembler = BookAssembler(templates: try TemplateSet.builtIn(), environment: environment,
                                      cover: try cover.map(Self.coverJPEG))
        assembler.koboWrappers = profile.koboSpans
        let book = try assembler.assemble(volume.volume, chapters: chapters, identifier: identifier)
        try BookLimits().checkSize(of: book, file: path)
        try EPUBWriter().write(book, to: path) { size in
            guard let cap = profile.maxBookBytes, size > cap else { return }
            throw SheafError(stage: .write, file: path, "the book is \(size) bytes, over the \(cap) bytes a "
                             + "\(device.rawValue) accepts")
        }
        return notes
    }

    /// Each article normalized into its chapter, the book's picture cap applied.
    private func chapters(of volume: MemoryVolume, device: DeviceProfile, file: String) -> ([Chapter], [Diagnostic]) {
        var writer = XHTMLWriter(language: volume.volume.language, links: BookLinks(volume: volume.volume))
        writer.device = device
        var notes: [Diagnostic] = []
        // The cap is applied chapter by chapter, in reading order, as a build applies it.
        var imageCap = BookLimits().imageCap()
        let chapters = zip(volume.articles, articles).map { article, given in
            writer.suppliedImages = given.images
            let made = writer.chapter(for: article)
            notes += made.diagnostics
            return imageCap.limit(made.chapter, language: volume.volume.language)
        }
        return (chapters, notes + (imageCap.note(file: file).map { [$0] } ?? []))
    }

    /// The user's cover as the JPEG every book's cover is.
    private static func coverJPEG(_ data: Data) throws -> Data {
        do {
            return try CoverRenderer.normalized(data)
        } catch let error as SheafError {
            throw SheafError(stage: error.stage, file: "cover", error.reason)
        }
    }
}
