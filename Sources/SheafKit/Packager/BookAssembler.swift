import Foundation

/// Turns a volume and its normalized chapters into a `Book`: pages rendered from templates, metadata,
/// manifest, spine and table of contents. Pure: same inputs, same book.
public struct BookAssembler: Sendable {
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

    /// `cover` is the user's cover as a JPEG; without one each book gets a generated cover.
    public init(templates: TemplateSet, environment: BuildEnvironment, cover: Data? = nil) {
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
    /// Chapters given up to it (`assemble(volume, chapters: consume chapters)`) leave memory one by one as their
    /// pages are rendered, so a volume's text is not held twice.
    public func assemble(_ volume: Volume, chapters: consuming [Chapter], identifier: String? = nil) throws -> Book {
        guard chapters.count == volume.articles.count else {
            throw SheafError(stage: .assemble, file: volume.fileName,
                             "\(chapters.count) chapters for \(volume.articles.count) articles")
        }
        var volume = volume
        if volume.language.trimmed.isEmpty { volume.language = "und" }

        var chapterResources: [Book.Resource] = []
        var chapterFiles: [[String]] = []
        var images: [BookImage] = []
        // Pages are rendered a batch at a time on up to `jobs` threads; a batch's chapters go once rendered.
        let language = volume.language, batchSize = max(1, jobs) * 8
        var start = 0
        while start < chapters.count {
            let end = min(chapters.count, start + batchSize)
            let batch = Array(chapters[start..<end]), first = start
            let rendered = Array(start..<end).parallelMap(jobs: jobs) { index in
                chapterParts(batch[index - first], number: index + 1, language: language)
            }
            for (offset, parts) in rendered.enumerated() {
                let index = start + offset
                chapterResources += parts
                chapterFiles.append(parts.map(\.path))
                images += chapters[index].images
                chapters[index] = Chapter(article: chapters[index].article, blocks: [])
            }
            start = end
        }
        _ = consume chapters
        let firstFiles = chapterFiles.map { String($0[0].dropFirst(Book.packageFolder.count + 1)) }

        let navigation = page(id: "nav", href: "nav.xhtml", properties: ["nav"],
                              templates.render(TemplateSet.navigation, PageContext.navigation(volume, firstFiles: firstFiles)))
        let titlepage = page(id: "titlepage", href: PageContext.titlepageHref, properties: [],
                             templates.render(TemplateSet.titlepage, PageContext.titlepage(volume, firstFiles: firstFiles)))
        let coverImage = Book.Resource(id: BookCover.imageID, href: BookCover.imageHref, mediaType: "image/jpeg",
                                       properties: ["cover-image"], contents: try cover ?? BookCover.generated(for: volume))
        let coverPage = page(id: "cover", href: PageContext.coverHref, properties: [],
                             templates.render(TemplateSet.cover, PageContext.cover(volume, image: coverImage.href)))
        let style = Book.Resource(id: "style", href: PageContext.stylesheetHref, mediaType: "text/css", properties: [],
                                  contents: Data(templates.render(TemplateSet.style, ["language": volume.language]).utf8))

        return Book(metadata: metadata(volume, identifier: identifier ?? BookIdentifier.identifier(for: volume)),
                    resources: [navigation, coverPage, titlepage] + chapterResources + [coverImage]
                        + resources(of: images) + [style],
                    spine: [coverPage.id, titlepage.id] + chapterResources.map(\.id),
                    tableOfContents: tableOfContents(volume, firstFiles: firstFiles),
                    chapterFiles: chapterFiles)
    }

    // MARK: - Chapters

    /// The chapter's page, or its parts when the page would exceed the limit.
    private func chapterParts(_ chapter: Chapter, number: Int, language: String) -> [Book.Resource] {
        let blocks = chapter.blocks.map(XMLText.legal)
        let render = { (range: Range<Int>, first: Bool) in
            templates.render(TemplateSet.chapter, PageContext.chapter(
                chapter.article, body: blocks[range].joined(separator: "\n"), firstPart: first, language: language,
                kobo: koboWrappers))
        }
        var ranges = [0..<blocks.count]
        let whole = render(ranges[0], true)
        if whole.utf8.count > partLimit {
            ranges = ChapterSplitter.parts(blockSizes: blocks.map { $0.utf8.count + 1 }, limit: partLimit,
                                           firstOverhead: render(0..<0, true).utf8.count,
                                           laterOverhead: render(0..<0, false).utf8.count)
        }
        return ranges.enumerated().map { part, range in
            let text = ranges.count == 1 ? whole : render(range, part == 0)
            let id = ChapterNaming.id(number: number, part: part + 1), href = ChapterNaming.href(number: number, part: part + 1)
            if deflatesPages, let deflated = try? RawDeflate(text) {
                return Book.Resource(id: id, href: href, mediaType: "application/xhtml+xml", properties: [],
                                     deflated: deflated)
            }
            return page(id: id, href: href, properties: [], text)
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
                             creator: XMLText.legal(volume.collection),
                             date: volume.newestDate,
                             modified: BookTimestamp.modified(for: volume, environment: environment),
                             sources: sources)
    }

    /// Entries per article by title, nested under section headings when the sections have titles.
    private func tableOfContents(_ volume: Volume, firstFiles: [String]) -> [Book.ContentsEntry] {
        var index = 0
        var entries: [Book.ContentsEntry] = []
        for section in volume.sections {
            let articles = section.articles.map { article in
                defer { index += 1 }
                return Book.ContentsEntry(title: XMLText.legal(article.title), href: firstFiles[index], children: [])
            }
            guard let first = articles.first else { continue }
            if let heading = section.title.map(XMLText.legal), !heading.isEmpty {
                entries.append(Book.ContentsEntry(title: heading, href: first.href, children: articles))
            } else {
                entries += articles
            }
        }
        return entries
    }
}
