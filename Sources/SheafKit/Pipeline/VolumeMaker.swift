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
    /// How many threads read and normalize the articles of a large volume at once.
    var jobs: Int = 1
    /// A volume with more articles than this is large: its articles are normalized `jobs` at once.
    /// (Smaller volumes run side by side already, one per task.)
    var largeVolume: Int = .max
    /// The user's cover as a JPEG; nil generates one per book.
    var cover: Data? = nil
    /// The offline image cache (`--images`), if any.
    var imageCache: String? = nil
    /// The reader the book is made for.
    var device = DeviceProfile.generic
    /// Caps on each book's images and size.
    var limits = BookLimits()
    /// When requested, a volume being normalized stops between articles and is not written.
    var interruption: BuildInterruption? = nil
    /// Article bodies the first pass kept (a small collection's), by path: not read again.
    var readBodies: [String: String] = [:]

    /// Makes the book; `identifier` is the one an earlier build of the volume had (see `BookAssembler`).
    func make(_ volume: Volume, identifier: String? = nil) -> Outcome {
        defer { FreedMemory.releaseAfterVolume(of: volume.articleBytes) }
        let path = (outputDirectory as NSString).appendingPathComponent(volume.fileName)
        let made = chapters(of: volume, file: path)
        let kept = made.volume, skipped = made.skipped, notes = made.notes
        if interruption?.isRequested == true { return stopped(kept, path: path) }
        var entry = BuildReport.VolumeEntry(file: path, title: kept.title, identifier: "", status: .written,
                                            error: nil, articles: [])
        guard made.rendered.count > 0 else {
            entry.status = .failed
            entry.error = "none of the volume's articles could be read"
            return Outcome(entry: entry, skipped: skipped, notes: notes, volume: kept)
        }
        do {
            // A cover drawn beside the articles is for the volume as planned: redrawn if an article dropped out.
            let early = kept.articleCount == volume.articleCount ? made.cover : nil
            let assembler = BookAssembler(templates: templates, environment: environment, cover: cover ?? early)
            let book = try assembler.finish(kept, chapters: made.rendered, identifier: identifier)
            try limits.checkSize(of: book, file: path)
            entry.identifier = book.metadata.identifier
            let chapterFiles = book.chapterFiles
            // Given up to the writer, which lets each file's bytes go once they are in the archive. A book over
            // the device's size cap is not moved into place, so it leaves an earlier copy as it was.
            try EPUBWriter().write(consume book, to: path, jobs: threads(for: volume)) { try checkCap($0, path: path) }
            entry.packedArticles = Self.entries(kept.articles, chapters: chapterFiles.map { $0.first ?? "" })
        } catch {
            entry.status = .failed
            entry.error = (error as? SheafError)?.reason ?? "\(error)"
            entry.packedArticles = Self.entries(kept.articles)
        }
        return Outcome(entry: entry, skipped: skipped, notes: notes, volume: kept)
    }

    /// Fails a book of `size` bytes over the device's size cap, with the reason (it would not be delivered).
    private func checkCap(_ size: Int, path: String) throws {
        guard let cap = device.maxBookBytes, size > cap else { return }
        let megabytes = String(format: "%.1f", Double(size) / 1_000_000)
        throw SheafError(stage: .write, file: path, "the book is \(megabytes) MB, over the \(cap / 1_000_000) MB "
                         + "a \(device.device.rawValue) accepts by e-mail; give a smaller --max-size to split it")
    }

    /// One article read again and normalized, or the reasons it could not be read.
    private enum Normalized: Sendable {
        case chapter(Chapter, [Diagnostic])
        case unread([Diagnostic])
        /// Not read: the build was interrupted.
        case stopped
        /// The generated cover, drawn on one of a large volume's threads while the others normalize.
        case cover(Data?)
    }

    /// The outcome of a volume given up because the build was interrupted: nothing written, an earlier copy kept.
    private func stopped(_ volume: Volume, path: String) -> Outcome {
        let entry = BuildReport.VolumeEntry(
            file: path, title: volume.title, identifier: "", status: .failed, error: "interrupted: not written",
            articles: Self.entries(volume.articles))
        return Outcome(entry: entry, skipped: [], notes: [], volume: volume)
    }

    /// The report's line for each article, with the file its chapter starts in (none when the book was not written).
    static func entries(_ articles: [ArticleHeader], chapters: [String]? = nil) -> PackedList<BuildReport.ArticleEntry> {
        PackedList(articles.enumerated().lazy.map { index, header in
            BuildReport.ArticleEntry(title: header.title, date: header.date?.description, source: header.source,
                                     chapter: chapters.flatMap { index < $0.count ? $0[index] : nil } ?? "",
                                     files: header.files)
        })
    }

    /// A volume holding more than its share of the articles uses every job itself: to normalize its articles,
    /// render its pages and deflate its files.
    private func threads(for volume: Volume) -> Int {
        volume.articleCount > largeVolume ? jobs : 1
    }

    /// What reading and rendering a volume's articles gave.
    private struct Rendered {
        /// The volume without the articles that could not be read again.
        var volume: Volume
        var rendered = BookAssembler.RenderedChapters()
        var notes: [Diagnostic] = []
        var skipped: [Diagnostic] = []
        /// A large volume's generated cover, drawn beside its articles.
        var cover: Data?
    }

    /// Reads the bodies again (the header from the first pass, with its merged files, is kept), normalizes
    /// them and renders their pages a batch at a time, so that only a batch's chapters are in memory, and its
    /// pages once deflated. When a file can no longer be read, the volume starts again without it, so that no
    /// link points to a chapter the book lacks. A large volume's cover is drawn by the first free thread
    /// meanwhile (without it, the cover and the whole archive would be made on one thread after the others).
    private func chapters(of volume: Volume, file: String) -> Rendered {
        var made = Rendered(volume: volume)
        let workers = threads(for: volume)
        var drawsCover = workers > 1 && cover == nil
        var assembler = BookAssembler(templates: templates, environment: environment, cover: nil)
        assembler.koboWrappers = device.koboSpans
        assembler.jobs = workers
        assembler.deflatesPages = true
        rounds: while true {
            let kept = made.volume
            let articles = kept.articles
            var configured = XHTMLWriter(language: kept.language, links: BookLinks(volume: kept))
            configured.imageCache = imageCache
            configured.device = device
            let writer = configured
            let interruption = interruption, readBodies = readBodies
            let language = BookAssembler.language(of: kept)
            var imageCap = limits.imageCap()
            (made.rendered, made.notes) = (BookAssembler.RenderedChapters(), [])
            // The pages wait for the archive on disk, not in memory (kept in memory if no file can be made).
            assembler.spill = try? PageSpill(in: outputDirectory)
            var start = 0
            while start < articles.count {
                let end = Self.batchEnd(articles, from: start, workers: workers)
                let work: [ArticleHeader?] = (drawsCover ? [nil] : []) + articles[start..<end].map { $0 }
                var results = work.parallelMap(jobs: workers) { header -> Normalized in
                    guard let header else { return .cover(try? BookCover.generated(for: volume)) }
                    return interruption?.isRequested == true ? .stopped
                        : Self.normalize(header, writer: writer, body: readBodies[header.files.first ?? ""])
                }
                if drawsCover, case .cover(let data) = results.removeFirst() { made.cover = data }
                drawsCover = false
                if interruption?.isRequested == true { return made }
                var chapters: [Chapter] = []
                var unread: Set<ArticleHeader> = []
                for (header, result) in zip(articles[start..<end], results) {
                    switch result {
                    case .chapter(let chapter, let diagnostics):
                        chapters.append(imageCap.limit(chapter, language: kept.language))
                        made.notes += diagnostics
                    case .unread(let reasons):
                        made.skipped += reasons
                        unread.insert(header)
                    case .stopped, .cover: break
                    }
                }
                if !unread.isEmpty {
                    // Each round leaves out at least one article, so this ends.
                    made.volume = keep(kept, only: articles.filter { !unread.contains($0) })
                    if made.volume.sections.isEmpty {
                        (made.rendered, made.notes) = (BookAssembler.RenderedChapters(), [])
                        return made
                    }
                    continue rounds
                }
                assembler.render(chapters, language: language, into: &made.rendered)
                start = end
            }
            made.notes += imageCap.note(file: file).map { [$0] } ?? []
            return made
        }
    }

    /// Up to this many bytes of article HTML are normalized at once per thread: a batch's chapters are all in
    /// memory, and a volume may hold many long articles in a row (ten copies of a 2 MB one sort together).
    static let batchBytes = 1 << 18

    /// Where the batch that starts at `start` ends: at most 8 articles per thread and `batchBytes` of HTML per
    /// thread, by the sizes the first pass measured, and at least one article.
    static func batchEnd(_ articles: [ArticleHeader], from start: Int, workers: Int) -> Int {
        let threads = max(1, workers)
        var end = start + 1
        var bytes = articles[start].size
        while end < articles.count, end - start < threads * 8, bytes + articles[end].size <= threads * batchBytes {
            bytes += articles[end].size
            end += 1
        }
        return end
    }

    private static func normalize(_ header: ArticleHeader, writer: XHTMLWriter, body: String?) -> Normalized {
        if let body {
            let (chapter, diagnostics) = writer.chapter(for: Article(header: header, bodyHTML: body))
            return .chapter(chapter, diagnostics)
        }
        let file = ArticleFile(path: header.files.first ?? "", channel: header.channel, id: header.id)
        switch MirrorArticleReader().readBody(file) {
        case .success(let body):
            let (chapter, diagnostics) = writer.chapter(for: Article(header: header, bodyHTML: body))
            return .chapter(chapter, diagnostics)
        case .failure(let diagnostic):
            // The file changed since the first pass: every file merged into it is accounted as skipped.
            return .unread(header.files.map { Diagnostic(.warning, stage: .read, file: $0, diagnostic.message) })
        }
    }

    /// The volume without the articles that could not be read a second time.
    private func keep(_ volume: Volume, only headers: [ArticleHeader]) -> Volume {
        guard headers.count != volume.articleCount else { return volume }
        let wanted = Set(headers)
        var copy = volume
        copy.sections = volume.sections
            .map { VolumeSection(title: $0.title, articles: $0.packedArticles.filter(wanted.contains)) }
            .filter { !$0.packedArticles.isEmpty }
        return copy
    }
}
