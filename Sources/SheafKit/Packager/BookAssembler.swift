import Foundation

/// Turns a volume and its normalized chapters into a `Book`: pages rendered from templates, metadata,
/// manifest, spine and table of contents. Pure: same inputs, same book.
struct BookAssembler: Sendable {
    private let templates: TemplateSet
    private let environment: BuildEnvironment
    /// A chapter whose page would be larger than this many bytes is split between blocks.
    let partLimit: Int
    /// The user's cover, a JPEG (see `BookCover`); nil draws one per book.
    let cover: Data?
    /// Kobo's page wrappers around each chapter's body (see `PageContext.chapter`).
    var koboWrappers = false
    /// How many threads render chapter pages (a large volume's); the book is the same whatever it is.
    var jobs = 1
    /// Chapter pages deflated as they are rendered, so a volume's pages wait for the archive compressed (the
    /// written book is the same).
    var deflatesPages = false
    /// Where deflated pages are set aside until the archive copies them (see `PageSpill`); nil keeps them in memory.
    var spill: PageSpill? = nil

    /// `cover` is the user's cover as a JPEG; without one each book gets a generated cover.
    init(templates: TemplateSet, environment: BuildEnvironment, cover: Data? = nil) {
        self.init(templates: templates, environment: environment, partLimit: 250_000, cover: cover)
    }

    init(templates: TemplateSet, environment: BuildEnvironment, partLimit: Int, cover: Data? = nil) {
        self.templates = templates
        self.environment = environment
        self.partLimit = partLimit
        self.cover = cover
    }

    /// Assembles the book; `chapters` must be parallel to `volume.articles`. `identifier` is the one a
    /// catalog recorded for an earlier build of the volume; without it the identifier derives from the content.
    /// The build's own two steps, in one call: `render` the chapters' pages (the build does it a batch at a time,
    /// to keep memory flat), then `finish` the book around them.
    func assemble(_ volume: Volume, chapters: [Chapter], identifier: String? = nil) throws -> Book {
        var rendered = RenderedChapters()
        render(chapters, language: Self.language(of: volume), into: &rendered)
        return try finish(volume, chapters: rendered, identifier: identifier)
    }

    /// The pages of a volume's chapters as they are rendered, in reading order, and the images they use.
    struct RenderedChapters: Sendable {
        var resources: [Book.Resource] = []
        /// Each chapter's page files (more than one when it was split).
        var files: [[String]] = []
        var images: [BookImage] = []
        /// The first chapter page that failed its check: the book is not made.
        var problem: Error?
        var count: Int { files.count }
    }

    /// The language a volume's pages declare: its own, or `und` when it has none.
    static func language(of volume: Volume) -> String {
        volume.language.trimmed.isEmpty ? "und" : volume.language
    }

    /// The next chapters' pages, numbered on from those in `rendered`, rendered on up to `jobs` threads (and
    /// deflated there, with `deflatesPages`); the same pages whatever `jobs` is.
    func render(_ chapters: [Chapter], language: String, into rendered: inout RenderedChapters) {
        let first = rendered.count
        let pages = Array(chapters.indices).parallelMap(jobs: jobs) { index in
            Result { try chapterParts(chapters[index], number: first + index + 1, language: language) }
        }
        for (chapter, made) in zip(chapters, pages) {
            let parts: [Book.Resource]
            switch made {
            case .success(let made): parts = made
            case .failure(let error):
                rendered.problem = rendered.problem ?? error
                parts = []
            }
            rendered.resources += parts
            rendered.files.append(parts.map(\.path))
            rendered.images += chapter.images
        }
    }

    /// The book around its rendered chapters (one for each of `volume.articles`): navigation, title page,
    /// cover, style sheet, metadata and contents.
    func finish(_ volume: Volume, chapters rendered: consuming RenderedChapters, identifier: String?) throws -> Book {
        if let problem = rendered.problem { throw problem }
        guard rendered.count == volume.articleCount else {
            throw SheafError(stage: .assemble, file: volume.fileName,
                             "\(rendered.count) chapters for \(volume.articleCount) articles")
        }
        var volume = volume
        volume.language = Self.language(of: volume)
        let chapterFiles = rendered.files
        let firstFiles = chapterFiles.map { String($0[0].dropFirst(Book.packageFolder.count + 1)) }

        let contents = TableOfContents.entries(of: volume, firstFiles: firstFiles)
        let navigation = page(id: "nav", href: "nav.xhtml", properties: ["nav"],
                              try templates.page(TemplateSet.navigation, PageContext.navigation(volume, contents: contents)))
        let titlepage = page(id: "titlepage", href: PageContext.titlepageHref, properties: [],
                             try templates.page(TemplateSet.titlepage, PageContext.titlepage(volume, contents: contents)))
        let coverImage = Book.Resource(id: BookCover.imageID, href: BookCover.imageHref, mediaType: "image/jpeg",
                                       properties: ["cover-image"], contents: try cover ?? BookCover.generated(for: volume))
        let coverPage = page(id: "cover", href: PageContext.coverHref, properties: [],
                             try templates.page(TemplateSet.cover, PageContext.cover(volume, image: coverImage.href)))
        let style = Book.Resource(id: "style", href: PageContext.stylesheetHref, mediaType: "text/css", properties: [],
                                  contents: Data(templates.render(TemplateSet.style, PageContext.style(volume)).utf8))
        let chapterResources = rendered.resources
        let images = rendered.images
        _ = consume rendered

        return Book(metadata: metadata(volume, identifier: identifier ?? BookIdentifier.identifier(for: volume)),
                    resources: [navigation, coverPage, titlepage] + chapterResources + [coverImage]
                        + resources(of: images) + [style],
                    spine: [coverPage.id, titlepage.id] + chapterResources.map(\.id),
                    tableOfContents: contents,
                    chapterFiles: chapterFiles)
    }

    // MARK: - Chapters

    /// The chapter's page, or its parts when the page would exceed the limit. Each part is checked as the
    /// template makes it, around `TemplateSet.markupProbe` instead of the article's blocks: those are
    /// well-formed already (`XHTMLWriter`), and parsing them all again would cost more than the rest.
    private func chapterParts(_ chapter: Chapter, number: Int, language: String) throws -> [Book.Resource] {
        let blocks = chapter.blocks.map(XMLText.legal)
        let context = { (body: String, first: Bool) in
            PageContext.chapter(chapter.article, body: body, firstPart: first, language: language, kobo: koboWrappers)
        }
        let render = { (range: Range<Int>, first: Bool) in
            templates.render(TemplateSet.chapter, context(blocks[range].joined(separator: "\n"), first))
        }
        var ranges = [0..<blocks.count]
        let whole = render(ranges[0], true)
        if whole.utf8.count > partLimit {
            ranges = ChapterSplitter.parts(blockSizes: blocks.map { $0.utf8.count + 1 }, limit: partLimit,
                                           firstOverhead: render(0..<0, true).utf8.count,
                                           laterOverhead: render(0..<0, false).utf8.count)
        }
        return try ranges.enumerated().map { part, range in
            try templates.checkPage(TemplateSet.chapter, context(TemplateSet.markupProbe, part == 0))
            let text = ranges.count == 1 ? whole : render(range, part == 0)
            let id = ChapterNaming.id(number: number, part: part + 1), href = ChapterNaming.href(number: number, part: part + 1)
            guard deflatesPages, let deflated = try? RawDeflate(text) else { return page(id: id, href: href, properties: [], text) }
            let held = spill.flatMap { try? SpilledPage(deflated, in: $0) }.map(HeldBytes.spilled) ?? .deflated(deflated)
            return Book.Resource(id: id, href: href, mediaType: "application/xhtml+xml", properties: [], held: held)
        }
    }

    /// The chapters' images, each stored once per book (names are content hashes), in order of first use.
    private func resources(of images: [BookImage]) -> [Book.Resource] {
        var seen: Set<String> = []
        return images.compactMap { image in
            guard seen.insert(image.name).inserted else { return nil }
            let stem = image.name.prefix { $0 != "." }
            return Book.Resource(id: "img-" + stem, href: image.href, mediaType: image.mediaType, properties: [],
                                 contents: image.data)
        }
    }

    private func page(id: String, href: String, properties: [String], _ text: String) -> Book.Resource {
        Book.Resource(id: id, href: href, mediaType: "application/xhtml+xml", properties: properties,
                      contents: Data(text.utf8))
    }

    // MARK: - Metadata and contents

    /// Who the book names as its creator: the authors of a book of one article that names them, else the
    /// collection.
    static func creator(of volume: Volume) -> String {
        let articles = volume.articles
        let authors = articles.count == 1 ? (articles.first?.authors ?? []).map(\.trimmed).filter { !$0.isEmpty } : []
        return authors.isEmpty ? volume.collection : authors.joined(separator: ", ")
    }

    private func metadata(_ volume: Volume, identifier: String) -> Book.Metadata {
        var seen: Set<String> = []
        let sources = volume.articles.compactMap { article -> String? in
            guard let source = article.source.map(XMLText.legal)?.trimmed,
                  !source.isEmpty, seen.insert(source).inserted else { return nil }
            return source
        }
        return Book.Metadata(identifier: identifier,
                             title: XMLText.legal(volume.title),
                             subtitle: volume.subtitle.map(XMLText.legal),
                             language: volume.language,
                             creator: XMLText.legal(Self.creator(of: volume)),
                             publisher: XMLText.legal(volume.collection),
                             date: volume.newestDate,
                             modified: BookTimestamp.modified(for: volume, environment: environment),
                             sources: sources)
    }
}
