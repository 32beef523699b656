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
        let environment = try collection.environment()
        let runs = try checkedRuns(environment: environment)
        let line = ProgressLine(enabled: !quiet)
        let signals = StopSignals()
        defer { signals.stop() }
        var reports: [BuildReport] = []
        var failedRecipes = 0
        // A build that cannot go on still writes its report (what was skipped, and why) before it fails.
        var failure: CommandFailure?
        for run in runs where !signals.interruption.isRequested {
            let label = run.recipe.map { "\($0): " } ?? ""
            do {
                let pipeline = SheafPipeline(options: run.options, environment: environment)
                let result = try await pipeline.build(interruption: signals.interruption) {
                    line.show("\(label)[\($0.done)/\($0.total)] \($0.file)")
                } waiting: { message in
                    if !quiet { FileHandle.standardError.write(Data((label + message + "\n").utf8)) }
                }
                line.clear()
                Summary(report: result, outputDirectory: run.options.outputDirectory, label: label, quiet: quiet,
                        reportFile: report).print()
                reports.append(result)
            } catch {
                line.clear()
                if let nothing = error as? NothingToBuild { reports.append(nothing.report) }
                // One recipe that cannot be built (its input gone) does not stop the others; the status says it.
                guard run.recipe != nil, runs.count > 1 else {
                    failure = CommandFailure("\(error)")
                    break
                }
                FileHandle.standardError.write(Data("Error: \(label)\(error)\n".utf8))
                failedRecipes += 1
            }
        }
        let combined = BuildReport.combining(reports)
        if signals.interruption.isRequested {
            // No report: it would describe a build that did not happen; the catalog holds every book written.
            let copied = combined.sideloaded.filter { $0.status == .copied }.count
            FileHandle.standardError.write(Data(("sheaf: interrupted after "
                + Counted.text(combined.writtenVolumes.count, "book") + " written"
                + (copied > 0 ? " and \(copied) copied" : "")
                + "; no partial book is left, and the same command finishes the rest\n").utf8))
            throw ExitCode(StopSignals.exitStatus)
        }
        if let report {
            do {
                try combined.jsonData().write(to: URL(fileURLWithPath: report), options: .atomic)
            } catch {
                throw CommandFailure("cannot write the report \(report): \(error.localizedDescription)")
            }
        }
        if let failure { throw failure }
        if failedRecipes > 0 || !combined.failedVolumes.isEmpty
            || combined.sideloaded.contains(where: { $0.status == .failed }) || (strict && !combined.skipped.isEmpty) {
            throw ExitCode.failure
        }
    }

    /// The builds to run, once the paths they write to besides the output folder are known to be usable:
    /// a typo in `--report` or `--to` must not cost a long build, nor stop it half way.
    private func checkedRuns(environment: BuildEnvironment) throws -> [(recipe: String?, options: BuildOptions)] {
        do {
            var flags = buildOnly.settings
            (flags.catalog, flags.repeat, flags.prune) = (catalog, self.repeat, prune)
            let runs = try collection.runs(out: outputDirectory, environment: environment, extra: flags,
                                           jobs: buildOnly.jobs ?? BuildOptions.defaultJobs).map { run in
                var options = run.options
                options.waitsForLock = !noWait
                return (recipe: run.recipe, options: options)
            }
            try report.map(BuildReport.checkDestination)
            for run in runs { try run.options.sideloadDirectory.map(Sideload.init)?.checkFolder() }
            return runs
        } catch let error as SheafError {
            throw CommandFailure("\(error)")
        }
    }
}
