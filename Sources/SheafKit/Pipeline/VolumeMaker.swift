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
        let path = (outputDirectory as NSString).appendingPathComponent(volume.fileName)
        let kept: Volume, normalized: [Chapter], normalizedNotes: [Diagnostic], skipped: [Diagnostic], drawn: Data?
        (kept, normalized, normalizedNotes, skipped, drawn) = normalize(volume)
        if interruption?.isRequested == true { return stopped(kept, path: path) }
        let imageNote: Diagnostic?
        var chapters: [Chapter]
        (chapters, imageNote) = limits.limitingImages(consume normalized, language: kept.language, file: path)
        let notes = normalizedNotes + (imageNote.map { [$0] } ?? [])
        var entry = BuildReport.VolumeEntry(file: path, title: kept.title, identifier: "", status: .written,
                                            error: nil, articles: [])
        guard !chapters.isEmpty else {
            entry.status = .failed
            entry.error = "none of the volume's articles could be read"
            return Outcome(entry: entry, skipped: skipped, notes: notes, volume: kept)
        }
        do {
            // A cover drawn beside the articles is for the volume as planned: redrawn if an article dropped out.
            let early = kept.articles.count == volume.articles.count ? drawn : nil
            var assembler = BookAssembler(templates: templates, environment: environment, cover: cover ?? early)
            assembler.koboWrappers = device.koboSpans
            assembler.jobs = threads(for: volume)
            assembler.deflatesPages = true
            let book = try assembler.assemble(kept, chapters: consume chapters, identifier: identifier)
            try limits.checkSize(of: book, file: path)
            entry.identifier = book.metadata.identifier
            let chapterFiles = book.chapterFiles
            // Given up to the writer, which lets each file's bytes go once they are in the archive.
            // Under a size cap the book is written beside its place and moved in only when it fits, so a book
            // that fails the cap leaves an earlier copy as it was.
            let written = device.maxBookBytes == nil ? path : path + Self.cappedSuffix
            try EPUBWriter().write(consume book, to: written, jobs: threads(for: volume))
            if written != path { try moveIntoPlace(written, path) }
            entry.articles = Self.entries(kept.articles, chapters: chapterFiles.map { $0.first ?? "" })
        } catch {
            entry.status = .failed
            entry.error = (error as? SheafError)?.reason ?? "\(error)"
            entry.articles = Self.entries(kept.articles)
        }
        return Outcome(entry: entry, skipped: skipped, notes: notes, volume: kept)
    }

    /// The suffix of a book written before its size is checked (a name `BookFile.isLeftover` knows, should a
    /// killed run leave one).
    static let cappedSuffix = ".capped"

    /// Moves the book written at `written` to `path` when it is within the device's size cap; a larger one is
    /// removed and fails with the reason (it would not be delivered), leaving whatever `path` held.
    private func moveIntoPlace(_ written: String, _ path: String) throws {
        let size = ((try? FileManager.default.attributesOfItem(atPath: written))?[.size] as? NSNumber)?.intValue ?? 0
        if let cap = device.maxBookBytes, size > cap {
            try? FileManager.default.removeItem(atPath: written)
            let megabytes = String(format: "%.1f", Double(size) / 1_000_000)
            throw SheafError(stage: .write, file: path, "the book is \(megabytes) MB, over the \(cap / 1_000_000) MB "
                             + "a \(device.device.rawValue) accepts by e-mail; give a smaller --max-size to split it")
        }
        guard rename(written, path) == 0 else {
            try? FileManager.default.removeItem(atPath: written)
            throw SheafError(stage: .write, file: path, "cannot move the book into place: \(String(cString: strerror(errno)))")
        }
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
    private static func entries(_ articles: [ArticleHeader], chapters: [String]? = nil) -> [BuildReport.ArticleEntry] {
        articles.enumerated().map { index, header in
            BuildReport.ArticleEntry(title: header.title, date: header.date?.description, source: header.source,
                                     chapter: chapters.flatMap { index < $0.count ? $0[index] : nil } ?? "",
                                     files: header.files)
        }
    }

    /// A volume holding more than its share of the articles uses every job itself: to normalize its articles,
    /// render its pages and deflate its files.
    private func threads(for volume: Volume) -> Int {
        volume.articles.count > largeVolume ? jobs : 1
    }

    /// Reads the bodies again (the header from the first pass, with its merged files, is kept) and normalizes
    /// each as soon as it is read, so only its chapter stays in memory. When a file can no longer be read,
    /// the others are normalized again without it, so that no link points to a chapter the book lacks.
    /// A large volume's cover is drawn by the first free thread meanwhile (without it, the cover and the whole
    /// archive would be made on one thread after the others finished).
    private func normalize(_ volume: Volume)
        -> (volume: Volume, chapters: [Chapter], notes: [Diagnostic], skipped: [Diagnostic], cover: Data?) {
        var kept = volume
        var skipped: [Diagnostic] = []
        let workers = threads(for: volume)
        var drawsCover = workers > 1 && cover == nil
        var drawn: Data?
        while true {
            var configured = XHTMLWriter(language: kept.language, links: BookLinks(volume: kept))
            configured.imageCache = imageCache
            configured.device = device
            let writer = configured
            let interruption = interruption, readBodies = readBodies
            let planned = volume
            let work: [ArticleHeader?] = (drawsCover ? [nil] : []) + kept.articles.map { $0 }
            var results = work.parallelMap(jobs: workers) { header -> Normalized in
                guard let header else { return .cover(try? BookCover.generated(for: planned)) }
                return interruption?.isRequested == true ? .stopped
                    : Self.normalize(header, writer: writer, body: readBodies[header.files.first ?? ""])
            }
            if drawsCover, case .cover(let data) = results.removeFirst() { drawn = data }
            drawsCover = false
            if interruption?.isRequested == true { return (kept, [], [], skipped, nil) }
            var chapters: [Chapter] = []
            var notes: [Diagnostic] = []
            var readable: [ArticleHeader] = []
            for (header, result) in zip(kept.articles, results) {
                switch result {
                case .chapter(let chapter, let diagnostics):
                    chapters.append(chapter)
                    notes += diagnostics
                    readable.append(header)
                case .unread(let reasons): skipped += reasons
                case .stopped, .cover: break
                }
            }
            // Each round leaves out at least one article, so this ends.
            guard readable.count != kept.articles.count else { return (kept, chapters, notes, skipped, drawn) }
            kept = keep(kept, only: readable)
            if readable.isEmpty { return (kept, [], [], skipped, nil) }
        }
    }

    private static func normalize(_ header: ArticleHeader, writer: XHTMLWriter, body: String?) -> Normalized {
        if let body {
            let (chapter, diagnostics) = writer.chapter(for: Article(header: header, bodyHTML: body))
            return .chapter(chapter, diagnostics)
        }
        let file = ArticleFile(path: header.files.first ?? "", channel: header.channel, id: header.id)
        switch MirrorArticleReader().read(file) {
        case .success(let article):
            let (chapter, diagnostics) = writer.chapter(for: Article(header: header, bodyHTML: article.bodyHTML))
            return .chapter(chapter, diagnostics)
        case .failure(let diagnostic):
            // The file changed since the first pass: every file merged into it is accounted as skipped.
            return .unread(header.files.map { Diagnostic(.warning, stage: .read, file: $0, diagnostic.message) })
        }
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
