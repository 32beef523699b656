import Foundation

/// The whole job, composed once: read → collect → normalize → assemble → write.
///
/// Reading happens twice: a first pass keeps only the articles' headers (so the collection never sits in
/// memory), and each volume reads its own articles' bodies again when it is made.
public struct SheafPipeline: Sendable {
    public let options: BuildOptions
    public let environment: BuildEnvironment

    public init(options: BuildOptions, environment: BuildEnvironment) {
        self.options = options
        self.environment = environment
    }

    /// Reads every input's header and groups the articles into volumes, collection by collection.
    /// Writes nothing.
    public func plan() -> BuildPlan {
        let scan = CollectionScanner().scan(options.inputs)
        var byCollection: [String: [ArticleFile]] = [:]
        for file in scan.files {
            byCollection[Self.collectionName(of: file.path) ?? scan.collectionName, default: []].append(file)
        }
        var plan = BuildPlan(collection: scan.collectionName, volumes: [], skipped: scan.problems, notes: [])
        for name in byCollection.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let headers = HeaderReader().readHeaders(of: byCollection[name, default: []])
            let collector = VolumeCollector(options: CollectorOptions(
                grouping: options.grouping, collection: name, title: options.title, language: options.language))
            let collection = collector.collect(headers.articles)
            plan.volumes += collection.volumes
            plan.skipped += headers.skipped
            plan.notes += headers.notes + collection.notes
        }
        return plan
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

    /// The folder that holds `pages/` above an article file: its collection (`mh-news` for
    /// `mh-news/pages/73/1.md`), or nil when the file is not filed that way.
    static func collectionName(of path: String) -> String? {
        let components = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        guard let pages = components.dropLast().lastIndex(of: "pages"), pages > 1 else { return nil }
        return components[pages - 1]
    }

    /// Plans, then makes every volume (up to `jobs` at once) and reports what became of each.
    /// Throws only when nothing can be built at all (e.g. a template that does not parse).
    public func build(progress: @Sendable (BuildProgress) -> Void = { _ in }) async throws -> BuildReport {
        let templates = try TemplateSet(overridesIn: options.templatesDirectory)
        let plan = plan()
        guard !plan.volumes.isEmpty else {
            throw SheafError(stage: .read, "no articles found in " + options.inputs.joined(separator: ", ")
                             + (plan.skipped.isEmpty ? "" : " (\(plan.skipped.count) files skipped: "
                                + plan.skipped.prefix(3).map(\.description).joined(separator: "; ") + ")"))
        }
        try Self.createFolder(options.outputDirectory)
        let maker = VolumeMaker(templates: templates, environment: environment,
                                outputDirectory: options.outputDirectory)
        let outcomes = await plan.volumes.concurrentMap(limit: options.jobs) { volume in
            maker.make(volume)
        } onEach: { done, outcome in
            progress(BuildProgress(done: done, total: plan.volumes.count, file: outcome.entry.file))
        }
        return BuildReport(
            volumes: outcomes.map(\.entry),
            skipped: (plan.skipped + outcomes.flatMap(\.skipped)).map {
                BuildReport.SkippedFile(file: $0.file, reason: $0.message)
            },
            notes: plan.notes + outcomes.flatMap(\.notes))
    }
}

/// One step of a running build, for a progress line.
public struct BuildProgress: Sendable, Equatable {
    public var done: Int
    public var total: Int
    public var file: String
}
