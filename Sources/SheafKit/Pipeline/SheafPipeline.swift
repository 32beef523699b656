import Foundation

/// The whole job, composed once: read → collect → normalize → assemble → write.
///
/// Reading happens twice: a first pass keeps only the articles' headers (so the collection never sits in
/// memory), and each volume reads its own articles' bodies again when it is made.
struct SheafPipeline: Sendable {
    let options: BuildOptions
    let environment: BuildEnvironment

    init(options: BuildOptions, environment: BuildEnvironment) {
        self.options = options
        self.environment = environment
    }

    /// Reads every input's header and groups the articles into volumes, collection by collection.
    /// Writes nothing.
    func plan() -> BuildPlan {
        planForBuilding(false).plan
    }

    /// Up to this many bytes of article text are kept from the first pass (e.g. one channel of the corpus, 4.4 MB):
    /// a small collection is read once. A larger one is read again, volume by volume, to keep memory flat.
    static let readOnceBytes = 8 << 20

    /// The plan. For a build (`building`), each header carries its body's `FNV1a` when a catalog fingerprints the
    /// books, and a collection small enough (`readOnceBytes`) also gives its article bodies, so that the build does
    /// not read them again.
    func planForBuilding(_ building: Bool = true) -> (plan: BuildPlan, bodies: [String: String]) {
        var work = PlanningWork(options: options, building: building)
        PipelineStep.run(Self.planning, on: &work)
        return (work.plan, work.bodies)
    }

    /// Planning, top to bottom (the steps are in `PlanningSteps`).
    static var planning: [PipelineStep<PlanningWork>] {
        [
            .scan,
            .eachCollection([.readHeaders, .collect]),
            .nameBooks,
        ]
    }

    /// Makes the output folder once, before any book, so a bad `--out` fails the run with one clear message.
    static func createFolder(_ path: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw SheafError(stage: .write, file: path, "cannot write books here: it is a file, not a folder")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw SheafError(stage: .write, file: path, "cannot create the output folder: \(error.localizedDescription)")
        }
    }

    /// Plans, then makes every volume (up to `jobs` at once) and reports what became of each.
    /// Throws only when nothing can be built at all (e.g. a template that does not parse, an unknown `format`);
    /// when no article is found, `NothingToBuild` with the report of the files skipped.
    /// Once `interruption` is requested no further volume is started and a volume still being normalized is
    /// given up (reported failed, "interrupted: not written"); the books already being written finish. The
    /// report lists only the volumes started, and `--prune` is not applied; copying to `--to` stops between books.
    /// While another run holds the output folder's lock, `waiting` is told once and the build waits (or, with
    /// `waitsForLock` off, fails at once naming that run); a wait interrupted returns an empty report.
    func build(interruption: BuildInterruption? = nil,
                      progress: @Sendable (BuildProgress) -> Void = { _ in },
                      waiting: (String) -> Void = { _ in }) async throws -> BuildReport {
        let templates = try TemplateSet(overridesIn: options.templatesDirectory)
        _ = try InputDoor(format: options.format, extraction: options.extraction)
        try options.extraction.check()
        var (plan, bodies) = planForBuilding()
        guard !plan.volumes.isEmpty || !plan.excluded.isEmpty else {
            // Nothing found at all is an error; everything left out by the options (an empty week) is not.
            let error = SheafError(stage: .read, "no articles found in " + options.inputs.joined(separator: ", ")
                             + (plan.skipped.isEmpty ? "" : " (\(plan.skipped.count) files skipped: "
                                + plan.skipped.prefix(3).map(\.description).joined(separator: "; ") + ")"))
            throw NothingToBuild(error: error, report: BuildReport(
                volumes: [], skipped: plan.skipped.map { BuildReport.SkippedFile(file: $0.file, reason: $0.message) },
                notes: plan.notes))
        }
        try Self.createFolder(options.outputDirectory)
        let folder = options.outputDirectory
        guard let lock = try FolderLock.acquire(folder, waits: options.waitsForLock,
                                                shouldStop: { interruption?.isRequested == true },
                                                waiting: { waiting("waiting for \(FolderLock.describe($0)) building into \(folder)…") })
        else { return BuildReport(volumes: [], skipped: [], notes: []) }
        defer { lock.release() }
        // What a killed run left (Sheaf's marked temporary files), with or without a catalog: under the lock, so
        // never a running build's.
        BookFile.removeLeftovers(in: options.outputDirectory)
        let sideload = options.sideloadDirectory.map(Sideload.init)
        try sideload?.checkFolder()
        // A volume holding more than its share of the articles would finish alone: it uses every job itself.
        let maker = VolumeMaker(templates: templates, environment: environment,
                                outputDirectory: options.outputDirectory, jobs: options.jobs,
                                largeVolume: plan.articleCount / max(1, options.jobs),
                                cover: try options.coverFile.map(BookCover.read),
                                imageCache: options.imagesDirectory, device: options.device,
                                interruption: interruption, readBodies: bodies, door: options.inputDoor)
        let (cataloged, prunable) = options.catalog
            ? try catalogedMaker(maker, plan: &plan, templates: templates) : (nil, [])
        let total = plan.volumes.count
        // Each volume is let go once started, and each made one is kept as its report lines only.
        let volumes = plan.volumes
        plan.volumes = []
        let made = await (consume volumes).concurrentMap(limit: options.jobs) { volume -> Made? in
            if interruption?.isRequested == true { return nil }
            let outcome = cataloged?.make(volume) ?? maker.make(volume)
            return Made(entry: outcome.entry, skipped: outcome.skipped, notes: outcome.notes)
        } onEach: { done, outcome in
            if let outcome { progress(BuildProgress(done: done, total: total, file: outcome.entry.file)) }
        }
        let outcomes = made.compactMap { $0 }
        let complete = interruption?.isRequested != true
        // A book is pruned only when the books that now hold its articles were all made.
        let failed = Set(outcomes.map(\.entry).filter { $0.status == .failed }.map { InputPath.lastComponent($0.file) })
        let pruning = try cataloged.map(\.catalog).map { catalog in
            try BookPruner(folder: options.outputDirectory, catalog: catalog)
                .prune(complete ? prunable.filter { $0.coveredBy.isDisjoint(with: failed) }.map(\.book) : [])
        } ?? (pruned: [], notes: [])
        // An interrupted run stops: what it finished is on disk, and a re-run copies it.
        let sideloaded = complete ? sideload?.copy(outcomes.map(\.entry).filter { $0.status != .failed }.map(\.file),
                                                   interruption: interruption) ?? [] : []
        return BuildReport(
            volumes: outcomes.map(\.entry),
            skipped: (plan.skipped + outcomes.flatMap(\.skipped)).map {
                BuildReport.SkippedFile(file: $0.file, reason: $0.message)
            },
            notes: plan.notes + outcomes.flatMap(\.notes) + pruning.notes,
            excluded: plan.excluded.map { BuildReport.SkippedFile(file: $0.file, reason: $0.message) },
            pruned: pruning.pruned, sideloaded: sideloaded)
    }

    /// What the report keeps of a volume made.
    private struct Made: Sendable {
        var entry: BuildReport.VolumeEntry
        var skipped: [Diagnostic]
        var notes: [Diagnostic]
    }

    // MARK: - Catalog

    /// Opens the output folder's catalog; renames the volumes whose file name is another series' book, adopts the
    /// books of an older catalog this plan names, leaves out of the plan the articles books of its series keep
    /// (unless `repeatArticles`), and gives the books `--prune` may then delete (none without it).
    private func catalogedMaker(_ maker: VolumeMaker, plan: inout BuildPlan, templates: TemplateSet) throws
        -> (CatalogedVolumeMaker, [SeriesPlan.Prunable]) {
        let catalog = try Catalog(folder: options.outputDirectory)
        let series: @Sendable (Volume) -> String = { [options] in options.series(of: $0.collection) }
        var books = try catalog.books()
        let owners = Dictionary(books.compactMap { book in book.series.map { (book.file.lowercased(), $0) } }) { first, _ in first }
        plan.volumes = FileNameClashes.avoid(plan.volumes, owners: owners, series: series, notes: &plan.notes)
        books = try adopt(books, plannedBy: plan.volumes, series: series, in: catalog)
        let folder = options.outputDirectory
        let rules = try SeriesPlan.make(plan.volumes, series: series, books: books, articles: catalog.packagedArticles(in:),
                                        onDisk: { FileManager.default.fileExists(atPath: InputPath.join(folder, $0)) },
                                        repeatArticles: options.repeatArticles, prune: options.prune)
        plan.volumes = rules.volumes
        plan.excluded += rules.excluded
        let made = CatalogedVolumeMaker(maker: maker, catalog: catalog,
                                        books: Dictionary(books.map { ($0.file, $0) }) { first, _ in first },
                                        templates: templates, environment: environment, series: series)
        return (made, rules.prunable)
    }

    /// The books of an older catalog (no series) whose file name a volume of this plan has take that volume's
    /// series, in the catalog too; the others keep none, and no series counts them.
    private func adopt(_ books: [CatalogBook], plannedBy volumes: [Volume], series: (Volume) -> String,
                       in catalog: Catalog) throws -> [CatalogBook] {
        let planned = Dictionary(volumes.map { ($0.fileName, series($0)) }) { first, _ in first }
        let adopted = Dictionary(books.filter { $0.series == nil }.compactMap { book in
            planned[book.file].map { (book.file, $0) }
        }) { first, _ in first }
        try catalog.adopt(adopted)
        return books.map { book in
            var copy = book
            copy.series = book.series ?? adopted[book.file]
            return copy
        }
    }
}

/// One step of a running build, for a progress line.
public struct BuildProgress: Sendable, Equatable {
    /// Books finished so far.
    public var done: Int
    /// Books to make in all.
    public var total: Int
    /// The book just finished.
    public var file: String
}
