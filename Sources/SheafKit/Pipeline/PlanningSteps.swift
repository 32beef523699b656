import Foundation

/// What planning works on: the plan as it grows, the collections scanned and not yet read, and the one in hand.
/// One collection's headers are in memory at a time; its list of files goes once they are read.
struct PlanningWork: PipelineWork {
    let options: BuildOptions
    let door: InputDoor
    /// Planning for a build (not `sheaf plan`): bodies are hashed for a catalog and a small collection's kept.
    let building: Bool
    var plan: BuildPlan
    /// The collections' article files, by collection name, as scanned and not yet read.
    var pending: [String: [InputFile]] = [:]
    /// The collection whose steps are running (see `eachCollection`).
    var collection: CollectionInHand? = nil
    /// Article bodies the first pass kept (small collections'), by `HeaderReader.bodyKey`.
    var bodies: [String: String] = [:]
    /// The channels the articles were filed under, in every collection.
    var channels = Set<String>()

    /// One collection, between its steps.
    struct CollectionInHand {
        var name: String
        var files: [InputFile]
        var format: (any InputFormat)?
        /// The collection's root folder, as its format sees it (where a mirror's index pages are).
        var root: String?
        var headers: HeaderReader.Result? = nil
    }

    init(options: BuildOptions, building: Bool) {
        self.options = options
        self.door = options.inputDoor
        self.building = building
        self.plan = BuildPlan(collection: "", volumes: [], skipped: [], notes: [])
    }

    /// Planning never ends early: a step that fails is a bug, told as a note.
    var isFinished: Bool { false }

    mutating func fail(_ error: any Error, in step: String) {
        plan.notes.append(Diagnostic(.warning, stage: .collect, file: options.inputs.joined(separator: ", "),
                                     "planning step \(step) failed: \(error)"))
    }
}

extension PipelineStep where Work == PlanningWork {
    /// "Scan": the inputs' article files, by collection; what is not an article goes to the plan with the reason.
    static var scan: PipelineStep {
        PipelineStep("scan") { work in
            var scan = CollectionScanner(door: work.door).scan(work.options.inputs)
            for file in scan.files {
                let format = work.door.format(named: file.format)
                work.pending[format?.collectionName(ofFile: file.path) ?? scan.collectionName, default: []].append(file)
            }
            // The files are listed once, by collection.
            scan.files = []
            work.plan.collection = scan.collectionName
            work.plan.skipped += scan.problems
        }
    }

    /// Runs `steps` for each collection scanned, one at a time in the order of their names, and lets it go.
    static func eachCollection(_ steps: [PipelineStep]) -> PipelineStep {
        PipelineStep("each collection") { work in
            for name in work.pending.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                let files = work.pending.removeValue(forKey: name) ?? []
                let format = files.first.flatMap { work.door.format(named: $0.format) }
                work.collection = PlanningWork.CollectionInHand(
                    name: name, files: files, format: format,
                    root: files.first.flatMap { format?.collectionRoot(ofFile: $0.path) })
                run(steps, on: &work)
                work.collection = nil
            }
        }
    }

    /// "Read headers": the collection's, packed; a build keeps small collections' bodies and hashes them for a
    /// catalog.
    static var readHeaders: PipelineStep {
        PipelineStep("read headers") { work in
            guard var collection = work.collection else { return }
            let files = collection.files
            collection.files = []
            let options = work.options
            collection.headers = HeaderReader(door: work.door, jobs: options.jobs,
                                              hashesBodies: work.building && options.catalog,
                                              keptBodyBytes: work.building ? SheafPipeline.readOnceBytes : 0)
                .readHeaders(of: consume files)
            work.collection = collection
        }
    }

    /// "Collect": the collection's volumes, by the collector's rules (with `--group-by index`, the index pages of
    /// its format).
    static var collect: PipelineStep {
        PipelineStep("collect") { work in
            guard let collection = work.collection, let headers = collection.headers else { return }
            work.collection?.headers = nil
            let options = work.options
            let indexes = work.indexes(of: collection)
            let collected = VolumeCollector(options: CollectorOptions(
                grouping: options.grouping, collection: collection.name, title: options.title,
                language: options.language, window: options.window, weekStart: options.weekStart,
                limits: options.limits, channels: options.channels.map(Set.init),
                fileNamePattern: options.fileNamePattern))
                .collect(headers.articles, indexes: indexes)
            work.plan.volumes += collected.volumes
            work.plan.skipped += headers.skipped
            work.bodies.merge(headers.bodies) { first, _ in first }
            work.plan.notes += headers.notes + collected.notes
            work.plan.excluded += collected.excluded
            work.channels.formUnion(collected.channels)
        }
    }

    /// "Name books": the names and language tags the device gives, unique as the device names them; and a warning
    /// for each `--channel` no article is filed under.
    static var nameBooks: PipelineStep {
        PipelineStep("name books") { work in
            work.plan.notes += work.absentChannels()
            let device = work.options.device
            work.plan.volumes = DeviceNaming(fileName: device.fileName, language: device.language)
                .name(work.plan.volumes, notes: &work.plan.notes)
        }
    }
}

extension PlanningWork {
    /// The index pages of the collection that `--group-by index` makes volumes of (none otherwise, and none for a
    /// format without index pages); their problems go to the plan.
    fileprivate mutating func indexes(of collection: CollectionInHand) -> [IndexListing] {
        guard options.grouping == .index, let root = collection.root, let format = collection.format else { return [] }
        let found = format.indexes(ofCollectionAt: root)
        let selected = IndexSelection(wanted: options.indexes)
            .select(found.indexes, page: { format.indexFile(named: $0, inCollectionAt: root) })
        plan.notes += found.problems
        plan.skipped += selected.missing
        return selected.indexes
    }

    /// A warning for each `--channel` no article is filed under: a typo would otherwise leave every file out
    /// for a reason that names their channels, not the one asked for.
    fileprivate func absentChannels() -> [Diagnostic] {
        let known = channels.sorted(by: ArticleOrder.idPrecedes)
        let list = known.prefix(20).joined(separator: ", ") + (known.count > 20 ? ", …" : "")
        return (options.channels ?? []).filter { !channels.contains($0) }.map { wanted in
            Diagnostic(.warning, stage: .collect, file: options.inputs.joined(separator: ", "),
                       "no channel \(wanted)" + (known.isEmpty ? "" : " (the channels are \(list))"))
        }
    }
}
