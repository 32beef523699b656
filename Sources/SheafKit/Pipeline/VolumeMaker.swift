import Foundation

/// Makes one book from one volume, in the named steps of `making`: load bodies → normalize → cover → assemble →
/// write → record. The first two run article by article, and the assembler renders their pages, in
/// `ChapterBatches`, which owns what makes a large volume fast (threads, batches, interruption, retries, pages set
/// aside); a large volume's cover is drawn beside them.
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
    /// Article bodies the first pass kept (a small collection's), by `HeaderReader.bodyKey`: not read again.
    var readBodies: [String: String] = [:]
    /// The door bodies are loaded through (the build's formats, as its options set them).
    var door = InputDoor.standard

    /// Makes the book; `identifier` is the one an earlier build of the volume had (see `BookAssembler`).
    func make(_ volume: Volume, identifier: String? = nil) -> Outcome {
        defer { FreedMemory.releaseAfterVolume(of: volume.articleBytes) }
        var work = VolumeWork(maker: self, volume: volume, identifier: identifier)
        PipelineStep.run(Self.making, on: &work)
        return work.outcome
    }

    /// Making one volume, top to bottom (the steps are in `VolumeSteps`).
    static var making: [PipelineStep<VolumeWork>] {
        [
            .loadBodiesAndNormalize,
            .drawCover,
            .assemble,
            .write,
            .record,
        ]
    }

    // MARK: - What the steps ask of the maker

    /// The batches a volume's articles go through: a large volume's on every job.
    func batches(for volume: Volume) -> ChapterBatches {
        ChapterBatches(workers: threads(for: volume), interruption: interruption, spillFolder: outputDirectory)
    }

    /// "Load bodies" and "normalize", for the volume as it is in this round (its links name its chapters).
    func articleSteps(for volume: Volume) -> ChapterBatches.Steps {
        var writer = XHTMLWriter(language: volume.language, links: BookLinks(volume: volume, policy: door.bodyPolicy(of:)))
        writer.imageCache = imageCache
        writer.device = device
        return ChapterBatches.Steps(load: BodyLoader(readBodies: readBodies, door: door), normalize: writer, limits: limits)
    }

    /// The assembler that renders the volume's pages, deflated as they are rendered.
    func pageAssembler(for volume: Volume) -> BookAssembler {
        var assembler = BookAssembler(templates: templates, environment: environment, cover: nil)
        assembler.koboWrappers = device.koboSpans
        assembler.jobs = threads(for: volume)
        assembler.deflatesPages = true
        return assembler
    }

    /// A large volume's generated cover is drawn by the first free thread beside its articles: without that, the
    /// cover and the whole archive would be made on one thread after the others.
    func drawsCoverBeside(_ volume: Volume) -> Bool {
        threads(for: volume) > 1 && cover == nil
    }

    /// Fails a book of `size` bytes over the device's size cap, with the reason (it would not be delivered).
    func checkCap(_ size: Int, path: String) throws {
        guard let cap = device.maxBookBytes, size > cap else { return }
        let megabytes = String(format: "%.1f", Double(size) / 1_000_000)
        throw SheafError(stage: .write, file: path, "the book is \(megabytes) MB, over the \(cap / 1_000_000) MB "
                         + "a \(device.device.rawValue) accepts by e-mail; give a smaller --max-size to split it")
    }

    /// The report's line for each article, with the file its chapter starts in (none when the book was not written).
    static func entries(_ articles: [ArticleHeader], chapters: [String]? = nil) -> PackedList<BuildReport.ArticleEntry> {
        PackedList(articles.enumerated().lazy.map { index, header in
            BuildReport.ArticleEntry(title: header.title, date: header.date?.description, source: header.source,
                                     chapter: chapters.flatMap { index < $0.count ? $0[index] : nil } ?? "",
                                     files: header.files, authors: header.authors.isEmpty ? nil : header.authors,
                                     characters: header.kept?.characters, images: header.kept?.images)
        })
    }

    /// A volume holding more than its share of the articles uses every job itself: to normalize its articles,
    /// render its pages and deflate its files.
    func threads(for volume: Volume) -> Int {
        volume.articleCount > largeVolume ? jobs : 1
    }
}
