import Foundation

/// A whole `sheaf build` as a library call: its runs (see `BuildRun.choose`) built one after the other, what
/// happened told as it happens, and one report of them all, written as JSON when asked.
///
/// ```swift
/// var settings = BuildSettings()
/// settings.inputs = ["mh-news"]
/// settings.groupBy = .month
/// let environment = try SheafBuild.processEnvironment()
/// let build = SheafBuild(runs: try BuildRun.choose(settings: settings, environment: environment),
///                        environment: environment, reportFile: "report.json")
/// let outcome = try await build.run()
/// print(outcome.report.writtenVolumes.map(\.file))
/// ```
public struct SheafBuild: Sendable {
    /// The builds, in order.
    public var runs: [BuildRun]
    /// The clock and `SOURCE_DATE_EPOCH` every run sees.
    public var environment: BuildEnvironment
    /// Where the JSON report of every run goes, if anywhere.
    public var reportFile: String?

    /// A build of `runs`, reporting to `reportFile` when given.
    public init(runs: [BuildRun], environment: BuildEnvironment, reportFile: String? = nil) {
        self.runs = runs
        self.environment = environment
        self.reportFile = reportFile
    }

    /// What a build tells as it goes, each naming its run.
    public enum Event: Sendable {
        /// A book was made (or found unchanged, or failed).
        case progress(BuildRun, BuildProgress)
        /// The output folder is held by another build: this one waits (the message names it).
        case waiting(BuildRun, message: String)
        /// A run finished with this report.
        case finished(BuildRun, BuildReport)
        /// A recipe could not be built (its input is missing): the others still are.
        case failed(BuildRun, SheafError)
    }

    /// The process's `SOURCE_DATE_EPOCH` and clock, and `today` when given: what `sheaf build` runs with.
    /// Throws when `SOURCE_DATE_EPOCH` is not a date.
    public static func processEnvironment(today: ArticleDate? = nil) throws -> BuildEnvironment {
        try BuildEnvironment(environment: ProcessInfo.processInfo.environment,
                             now: Int(Date().timeIntervalSince1970), today: today)
    }

    /// Checks, before any book is made, the paths written besides the output folders (the report, each
    /// run's `--to` folder): a typo there must not cost a long build, nor stop it half way.
    public func check() throws {
        try reportFile.map(BuildReport.checkDestination)
        for run in runs { try run.options.sideloadDirectory.map(Sideload.init)?.checkFolder() }
    }

    /// Builds every run in turn, telling `events` what happens. A run that fails stops the build (throws, the
    /// report of the runs so far written first) when it is the only one or not a recipe; a recipe that fails among several is told (`failed`) and the others
    /// are built. Once `interruption` is requested no further run starts, and no report is written (it would
    /// describe a build that did not happen). Throws when the report cannot be written.
    public func run(interruption: BuildInterruption? = nil,
                    events: @escaping @Sendable (Event) -> Void = { _ in }) async throws -> BuildOutcome {
        var reports: [BuildReport] = []
        var failed: [String] = []
        for run in runs where interruption?.isRequested != true {
            do {
                let pipeline = SheafPipeline(options: run.options, environment: environment)
                let report = try await pipeline.build(interruption: interruption) { progress in
                    events(.progress(run, progress))
                } waiting: { message in
                    events(.waiting(run, message: message))
                }
                events(.finished(run, report))
                reports.append(report)
            } catch {
                // A run that found nothing still reports what it skipped, and why.
                if let nothing = error as? NothingToBuild { reports.append(nothing.report) }
                guard let recipe = run.recipe, runs.count > 1 else {
                    // The report is written before the build fails: its reasons are what the user needs then.
                    if let reportFile, interruption?.isRequested != true {
                        try Self.write(.combining(reports), to: reportFile)
                    }
                    throw error
                }
                let reason = (error as? NothingToBuild)?.error ?? error as? SheafError
                events(.failed(run, reason ?? SheafError(stage: .write, "\(error)")))
                failed.append(recipe)
            }
        }
        let outcome = BuildOutcome(report: .combining(reports), failedRecipes: failed,
                                   interrupted: interruption?.isRequested == true)
        if let reportFile, !outcome.interrupted { try Self.write(outcome.report, to: reportFile) }
        return outcome
    }

    /// The report as pretty, key-sorted JSON at `path`, replaced atomically.
    private static func write(_ report: BuildReport, to path: String) throws {
        do {
            try report.jsonData().write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw SheafError(stage: .write, file: path, "cannot write the report: \(error.localizedDescription)")
        }
    }
}
