import ArgumentParser
import Foundation
import SheafKit

/// `sheaf build`: makes the books.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build EPUB books from a collection or from the recipes of a recipe file.",
        discussion: """
            Files that are not articles are skipped with a reason and listed at the end; they never stop the \
            build. Exit status: 0 when every book was written, 1 when a book could not be written (or, with \
            --strict, when a file was skipped), 130 when stopped by SIGINT or SIGTERM (the books being written \
            are finished, no other is started; run the same command again to finish). SOURCE_DATE_EPOCH, when set, dates the books; otherwise each \
            book is dated by its newest article, so the same input always gives the same bytes.
            """)

    @OptionGroup var collection: CollectionOptions

    @OptionGroup var buildOnly: BuildOnlyOptions

    @Option(name: .customLong("out"), help: ArgumentHelp("Folder for the books (default: books).", valueName: "dir"))
    var outputDirectory: String?

    @Option(help: ArgumentHelp("Write a JSON report of every book and every skipped file.", valueName: "file"))
    var report: String?

    @Flag(help: "Fail (exit 1) when any input file was skipped.")
    var strict = false

    @Flag(help: "Print only errors.")
    var quiet = false

    @Flag(inversion: .prefixedNo, help: ArgumentHelp(
        "Keep a catalog (.sheaf-catalog.sqlite) in the output folder and rewrite only the books whose input "
        + "changed (default: on)."))
    var catalog: Bool?

    @Flag(inversion: .prefixedNo, help: ArgumentHelp(
        "Package again articles that a book of the same series (recipe) in the catalog already holds (default: off)."))
    var `repeat`: Bool?

    @Flag(inversion: .prefixedNo, help: ArgumentHelp(
        "Delete books of the same series (recipe) that no volume makes any more and whose articles are all in "
        + "the books this build makes (default: off)."))
    var prune: Bool?

    @Flag(name: .customLong("no-wait"), help: ArgumentHelp(
        "Fail at once, naming it, when another sheaf is building into the output folder, instead of waiting."))
    var noWait = false

    func run() async throws {
        let build = try checkedBuild(environment: try collection.environment())
        let line = ProgressLine(enabled: !quiet)
        let signals = StopSignals()
        defer { signals.stop() }
        let (quiet, reportFile) = (quiet, report)
        let outcome: BuildOutcome
        do {
            outcome = try await build.run(interruption: signals.interruption) { event in
                switch event {
                case .progress(let run, let progress):
                    line.show("\(Self.label(run))[\(progress.done)/\(progress.total)] \(progress.file)")
                case .waiting(let run, let message):
                    if !quiet { FileHandle.standardError.write(Data((Self.label(run) + message + "\n").utf8)) }
                case .finished(let run, let report):
                    line.clear()
                    Summary(report: report, outputDirectory: run.options.outputDirectory, label: Self.label(run),
                            quiet: quiet, reportFile: reportFile).print()
                case .failed(let run, let error):
                    line.clear()
                    FileHandle.standardError.write(Data("Error: \(Self.label(run))\(error)\n".utf8))
                }
            }
        } catch {
            line.clear()
            throw CommandFailure("\(error)")
        }
        if outcome.interrupted {
            let copied = outcome.report.sideloaded.filter { $0.status == .copied }.count
            FileHandle.standardError.write(Data(("sheaf: interrupted after "
                + Counted.text(outcome.report.writtenVolumes.count, "book") + " written"
                + (copied > 0 ? " and \(copied) copied" : "")
                + "; no partial book is left, and the same command finishes the rest\n").utf8))
            throw ExitCode(StopSignals.exitStatus)
        }
        if !outcome.succeeded(strict: strict) { throw ExitCode.failure }
    }

    /// `weekly: ` before a recipe's lines.
    private static func label(_ run: BuildRun) -> String {
        run.recipe.map { "\($0): " } ?? ""
    }

    /// The build to run, once the paths it writes to besides the output folders are known to be usable.
    private func checkedBuild(environment: BuildEnvironment) throws -> SheafBuild {
        do {
            var flags = buildOnly.settings
            (flags.catalog, flags.repeat, flags.prune) = (catalog, self.repeat, prune)
            let runs = try collection.runs(out: outputDirectory, environment: environment, extra: flags,
                                           jobs: buildOnly.jobs ?? BuildOptions.defaultJobs).map { run in
                var options = run.options
                options.waitsForLock = !noWait
                return BuildRun(recipe: run.recipe, options: options)
            }
            let build = SheafBuild(runs: runs, environment: environment, reportFile: report)
            try build.check()
            return build
        } catch let error as SheafError {
            throw CommandFailure("\(error)")
        }
    }
}
