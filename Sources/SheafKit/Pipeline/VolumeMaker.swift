import Foundation

/// Makes one book from one volume: reads its articles, normalizes them, assembles and writes the EPUB.
///
/// Every failure stays inside the volume: a file that can no longer be read is skipped with its reason,
/// a book that cannot be written is reported failed, and the rest of the build goes on.
struct VolumeMaker: Sendable {
    struct Outcome: Sendable {
        var entry: BuildReport.VolumeEntry
        var skipped: [Diagnostic]
        var notes: [Diagnostic]
        /// The volume as made: without the articles that could not be read again.
        var volume: Volume
    }

    let templates: TemplateSet
    let environment: BuildEnvironment
    let outputDirectory: String
    /// The user's cover as a JPEG; nil generates one per book.
    var cover: Data? = nil
    /// The offline image cache (`--images`), if any.
    var imageCache: String? = nil

    /// Makes the book; `identifier` is the one an earlier build of the volume had (see `BookAssembler`).
    func make(_ volume: Volume, identifier: String? = nil) -> Outcome {
        let path = (outputDirectory as NSString).appendingPathComponent(volume.fileName)
        let (articles, skipped) = read(volume)
        let kept = keep(volume, only: articles.map(\.header))
        var writer = XHTMLWriter(language: volume.language, links: BookLinks(volume: kept))
        writer.imageCache = imageCache
        var notes: [Diagnostic] = []
        let chapters = articles.map { article in
            let (chapter, diagnostics) = writer.chapter(for: article)
            notes += diagnostics
            return chapter
        }
        var entry = BuildReport.VolumeEntry(file: path, title: kept.title, identifier: "", status: .written,
                                            error: nil, articles: [])
        guard !chapters.isEmpty else {
            entry.status = .failed
            entry.error = "none of the volume's articles could be read"
            return Outcome(entry: entry, skipped: skipped, notes: notes, volume: kept)
        }
        do {
            let book = try BookAssembler(templates: templates, environment: environment, cover: cover)
                .assemble(kept, chapters: chapters, identifier: identifier)
            try EPUBWriter().write(book, to: path)
            entry.identifier = book.metadata.identifier
            entry.articles = zip(kept.articles, book.chapterFiles).map { header, files in
                BuildReport.ArticleEntry(title: header.title, date: header.date?.description,
                                         source: header.source, chapter: files.first ?? "", files: header.files)
            }
        } catch {
            entry.status = .failed
            entry.error = (error as? SheafError)?.reason ?? "\(error)"
            entry.articles = kept.articles.map {
                BuildReport.ArticleEntry(title: $0.title, date: $0.date?.description, source: $0.source,
                                         chapter: "", files: $0.files)
            }
        }
        return Outcome(entry: entry, skipped: skipped, notes: notes, volume: kept)
    }

    /// Reads the bodies again; the header from the first pass (with its merged files) is kept.
    private func read(_ volume: Volume) -> ([Article], [Diagnostic]) {
        let reader = MirrorArticleReader()
        var articles: [Article] = []
        var skipped: [Diagnostic] = []
        for header in volume.articles {
            let file = ArticleFile(path: header.files.first ?? "", channel: header.channel, id: header.id)
            switch reader.read(file) {
            case .success(let article): articles.append(Article(header: header, bodyHTML: article.bodyHTML))
            case .failure(let diagnostic):
                // The file changed since the first pass: every file merged into it is accounted as skipped.
                skipped += header.files.map { Diagnostic(.warning, stage: .read, file: $0, diagnostic.message) }
            }
        }
        return (articles, skipped)
    }

    /// The volume without the articles that could not be read a second time.
    private func keep(_ volume: Volume, only headers: [ArticleHeader]) -> Volume {
        guard headers.count != volume.articles.count else { return volume }
        let wanted = Set(headers)
        var copy = volume
        copy.sections = volume.sections
            .map { VolumeSection(title: $0.title, articles: $0.articles.filter(wanted.contains)) }
            .filter { !$0.articles.isEmpty }
        return copy
    }
}
