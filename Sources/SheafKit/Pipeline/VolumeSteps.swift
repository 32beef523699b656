import Foundation

/// What making one volume works on, step by step: the volume and its pages, then its cover, the book, and the
/// report's line for it.
struct VolumeWork: PipelineWork {
    let maker: VolumeMaker
    /// The volume as planned.
    let planned: Volume
    /// Where the book goes.
    let path: String
    /// The identifier an earlier build of the volume had (see `BookAssembler`).
    let identifier: String?
    /// The volume as made (without the articles that could not be read again), its pages and the reports' lines.
    var made: ChapterBatches.Made
    /// A large volume's cover, drawn beside its articles.
    var coverDrawnBeside: Data? = nil
    var cover: Data? = nil
    var book: Book? = nil
    /// The files the book's chapters are in, article by article (set by "write").
    var chapterFiles: [[String]] = []
    var entry: BuildReport.VolumeEntry
    private(set) var isFinished = false

    init(maker: VolumeMaker, volume: Volume, identifier: String?) {
        self.maker = maker
        self.planned = volume
        self.path = (maker.outputDirectory as NSString).appendingPathComponent(volume.fileName)
        self.identifier = identifier
        self.made = ChapterBatches.Made(volume: volume)
        self.entry = BuildReport.VolumeEntry(file: path, title: volume.title, identifier: "", status: .written,
                                             error: nil, articles: [])
    }

    /// The outcome for the report (and a catalog).
    var outcome: VolumeMaker.Outcome {
        VolumeMaker.Outcome(entry: entry, skipped: made.skipped, notes: made.notes, volume: made.volume)
    }

    /// A book not written: failed with `reason`, its articles listed without chapters (or not at all); an
    /// earlier copy of the book stays.
    mutating func fail(_ reason: String, listingArticles: Bool = true) {
        entry.status = .failed
        entry.error = reason
        entry.packedArticles = listingArticles ? VolumeMaker.entries(made.volume.articles) : PackedList()
        book = nil
        isFinished = true
    }

    mutating func fail(_ error: any Error, in step: String) {
        fail((error as? SheafError)?.reason ?? "\(error)")
    }
}

extension PipelineStep where Work == VolumeWork {
    /// "Load bodies" and "normalize", article by article, and the assembler renders their pages: in
    /// `ChapterBatches`, which owns the threads, batches, retries and spilling. A large volume's cover is drawn
    /// beside them. An interrupted build, or a volume none of whose articles could be read, ends here.
    static var loadBodiesAndNormalize: PipelineStep {
        PipelineStep("load bodies → normalize") { work in
            let maker = work.maker
            let cover = CoverStep(work.planned)
            let beside: (@Sendable () -> Data?)? = maker.drawsCoverBeside(work.planned) ? { @Sendable in cover.draw() } : nil
            let (made, drawn) = maker.batches(for: work.planned)
                .run(work.planned, file: work.path, assembler: maker.pageAssembler(for: work.planned),
                     beside: beside, steps: maker.articleSteps)
            work.made = made
            work.coverDrawnBeside = drawn ?? nil
            if maker.interruption?.isRequested == true {
                // Given up: nothing written, and nothing to tell of its articles.
                (work.made.skipped, work.made.notes) = ([], [])
                work.fail("interrupted: not written")
            } else if made.rendered.count == 0 {
                work.fail("none of the volume's articles could be read", listingArticles: false)
            }
        }
    }

    /// "Cover": the user's, or the one drawn beside the articles when the volume kept them all, or drawn now.
    static var drawCover: PipelineStep {
        PipelineStep("cover") { work in
            let early = work.made.volume.articleCount == work.planned.articleCount ? work.coverDrawnBeside : nil
            work.cover = try work.maker.cover ?? early ?? BookCover.generated(for: work.made.volume)
        }
    }

    /// "Assemble": the book around its rendered pages and cover, within the book's size cap.
    static var assemble: PipelineStep {
        PipelineStep("assemble") { work in
            let maker = work.maker
            let pages = work.made.rendered
            work.made.rendered = BookAssembler.RenderedChapters()
            let book = try BookAssembler(templates: maker.templates, environment: maker.environment, cover: work.cover)
                .finish(work.made.volume, chapters: pages, identifier: work.identifier)
            try maker.limits.checkSize(of: book, file: work.path)
            work.entry.identifier = book.metadata.identifier
            work.book = book
        }
    }

    /// "Write": the book given up to the writer, which lets each file's bytes go once they are in the archive.
    /// A book over the device's size cap is not moved into place, so it leaves an earlier copy as it was.
    static var write: PipelineStep {
        PipelineStep("write") { work in
            guard let book = work.book else { return }
            work.book = nil
            work.chapterFiles = book.chapterFiles
            let (maker, path) = (work.maker, work.path)
            try EPUBWriter().write(consume book, to: path, jobs: maker.threads(for: work.planned)) { size in
                try maker.checkCap(size, path: path)
            }
        }
    }

    /// "Record": the report's line for each article, with the file its chapter starts in; a catalog records the
    /// book from it (see `CatalogedVolumeMaker`).
    static var record: PipelineStep {
        PipelineStep("record") { work in
            work.entry.packedArticles = VolumeMaker.entries(work.made.volume.articles,
                                                            chapters: work.chapterFiles.map { $0.first ?? "" })
        }
    }
}
