/// What makes a volume fast, in one place: its articles go through the per-article steps (load the body,
/// normalize it) and the assembler renders their pages a batch at a time, on up to `workers` threads, so that
/// only a batch's chapters are in memory, and its pages once deflated (set aside on disk, see `PageSpill`).
///
/// It stops between articles once the build is interrupted. When a file can no longer be read, the volume starts
/// again without it, so that no link points to a chapter the book lacks. A job given `beside` (a large volume's
/// cover) runs on the first free thread meanwhile, rather than alone after the others.
struct ChapterBatches: Sendable {
    /// How many threads normalize and render the volume's articles.
    var workers = 1
    var interruption: BuildInterruption? = nil
    /// Where pages wait for the archive; without a folder (or when no file can be made there) they wait in memory.
    var spillFolder: String? = nil

    /// The per-article steps for one round over a volume: made again when an article drops out, since the
    /// links between chapters change.
    struct Steps: Sendable {
        let load: BodyLoader
        let normalize: XHTMLWriter
        /// Caps the volume's images, one chapter at a time in reading order.
        let limits: BookLimits
    }

    /// What the rounds gave: the volume without the articles that could not be read again, its pages, and the
    /// reports' notes and skipped files. Empty pages when the build was interrupted or no article could be read.
    struct Made: Sendable {
        var volume: Volume
        var rendered = BookAssembler.RenderedChapters()
        var notes: [Diagnostic] = []
        var skipped: [Diagnostic] = []
    }

    /// One article through the steps, or the reasons it could not be read.
    private enum Normalized<Side: Sendable>: Sendable {
        case chapter(Chapter, [Diagnostic])
        case unread([Diagnostic])
        /// Not read: the build was interrupted.
        case stopped
        case beside(Side)
    }

    /// Makes the pages of `volume`'s chapters with `assembler`; `steps` gives each round's steps for the volume
    /// as it then is; `file` names the book in notes. Returns what `beside` gave too (nil when not run).
    func run<Side: Sendable>(_ volume: Volume, file: String, assembler: BookAssembler,
                             beside: (@Sendable () -> Side)? = nil,
                             steps: (Volume) -> Steps) -> (made: Made, beside: Side?) {
        var made = Made(volume: volume)
        var assembler = assembler
        var pending = beside, sideResult: Side? = nil
        rounds: while true {
            let kept = made.volume
            let articles = kept.articles
            let round = steps(kept)
            let language = BookAssembler.language(of: kept)
            var imageCap = round.limits.imageCap()
            (made.rendered, made.notes) = (BookAssembler.RenderedChapters(), [])
            assembler.spill = spillFolder.flatMap { try? PageSpill(in: $0) }
            var start = 0
            while start < articles.count {
                let end = Self.batchEnd(articles, from: start, workers: workers)
                var results = batch(articles[start..<end], steps: round, beside: pending)
                if pending != nil, case .beside(let side) = results.removeFirst() { sideResult = side }
                pending = nil
                if interruption?.isRequested == true { return (made, sideResult) }
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
                    case .stopped, .beside: break
                    }
                }
                if !unread.isEmpty {
                    // Each round leaves out at least one article, so this ends.
                    made.volume = Self.keep(kept, only: articles.filter { !unread.contains($0) })
                    if made.volume.sections.isEmpty {
                        (made.rendered, made.notes) = (BookAssembler.RenderedChapters(), [])
                        return (made, sideResult)
                    }
                    continue rounds
                }
                assembler.render(chapters, language: language, into: &made.rendered)
                start = end
            }
            made.notes += imageCap.note(file: file).map { [$0] } ?? []
            return (made, sideResult)
        }
    }

    /// One batch of articles through the steps on up to `workers` threads, `beside` (if any) first.
    private func batch<Side: Sendable>(_ articles: ArraySlice<ArticleHeader>, steps: Steps,
                                       beside: (@Sendable () -> Side)?) -> [Normalized<Side>] {
        let interruption = interruption
        let work: [ArticleHeader?] = (beside != nil ? [nil] : []) + articles.map { $0 }
        return work.parallelMap(jobs: workers) { header -> Normalized<Side> in
            guard let header else { return beside.map { .beside($0()) } ?? .stopped }
            if interruption?.isRequested == true { return .stopped }
            switch steps.load.body(of: header) {
            case .body(let body):
                let article = Article(header: header, bodyHTML: body.html, policy: body.policy, base: body.base)
                let (chapter, diagnostics) = steps.normalize.chapter(for: article)
                return .chapter(chapter, diagnostics)
            case .unread(let reasons):
                return .unread(reasons)
            }
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

    /// The volume without the articles that could not be read a second time.
    private static func keep(_ volume: Volume, only headers: [ArticleHeader]) -> Volume {
        guard headers.count != volume.articleCount else { return volume }
        let wanted = Set(headers)
        var copy = volume
        copy.sections = volume.sections
            .map { VolumeSection(title: $0.title, articles: $0.packedArticles.filter(wanted.contains)) }
            .filter { !$0.packedArticles.isEmpty }
        return copy
    }
}
