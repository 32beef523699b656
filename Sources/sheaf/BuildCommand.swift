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

    func run() async throws {
        let environment = CollectionOptions.environment
        let runs: [(recipe: String?, options: BuildOptions)]
        do {
            var flags = BuildSettings()
            (flags.catalog, flags.repeat, flags.prune) = (catalog, self.repeat, prune)
            runs = try collection.runs(out: outputDirectory, environment: environment, extra: flags)
        } catch let error as SheafError {
            throw CommandFailure("\(error)")
        }
        let line = ProgressLine(enabled: !quiet)
        let signals = StopSignals()
        defer { signals.stop() }
        var reports: [BuildReport] = []
        for run in runs where !signals.interruption.isRequested {
            let label = run.recipe.map { "\($0): " } ?? ""
            do {
                let pipeline = SheafPipeline(options: run.options, environment: environment)
                let result = try await pipeline.build(interruption: signals.interruption) {
                    line.show("\(label)[\($0.done)/\($0.total)] \($0.file)")
                }
                line.clear()
                Summary(report: result, outputDirectory: run.options.outputDirectory, label: label, quiet: quiet).print()
                reports.append(result)
            } catch {
                line.clear()
                throw CommandFailure(label + "\(error)")
            }
        }
        let combined = BuildReport.combining(reports)
        if signals.interruption.isRequested {
            // No report: it would describe a build that did not happen; the catalog holds every book written.
            let written = combined.writtenVolumes.count
            FileHandle.standardError.write(Data(("sheaf: interrupted after \(written) book\(written == 1 ? "" : "s") "
                + "written; no partial book is left, and the same command finishes the rest\n").utf8))
            throw ExitCode(StopSignals.exitStatus)
        }
        if let report {
            do {
                try combined.jsonData().write(to: URL(fileURLWithPath: report), options: .atomic)
            } catch {
                throw CommandFailure("cannot write the report \(report): \(error.localizedDescription)")
            }
        }
        if !combined.failedVolumes.isEmpty || combined.sideloaded.contains(where: { $0.status == .failed }) || (strict && !combined.skipped.isEmpty) {
            throw ExitCode.failure
        }
    }
}
