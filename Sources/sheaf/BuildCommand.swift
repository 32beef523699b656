import ArgumentParser
import Foundation
import SheafKit

/// `sheaf build`: makes the books.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build EPUB books from a collection.",
        discussion: """
            Files that are not articles are skipped with a reason and listed at the end; they never stop the \
            build. Exit status: 0 when every book was written, 1 when a book could not be written (or, with \
            --strict, when a file was skipped). SOURCE_DATE_EPOCH, when set, dates the books; otherwise each \
            book is dated by its newest article, so the same input always gives the same bytes.
            """)

    @OptionGroup var collection: CollectionOptions

    @Option(name: .customLong("out"), help: ArgumentHelp("Folder for the books.", valueName: "dir"))
    var outputDirectory = "books"

    @Option(help: ArgumentHelp("Write a JSON report of every book and every skipped file.", valueName: "file"))
    var report: String?

    @Flag(help: "Fail (exit 1) when any input file was skipped.")
    var strict = false

    @Flag(help: "Print only errors.")
    var quiet = false

    func run() async throws {
        let environment = CollectionOptions.environment
        let pipeline = SheafPipeline(options: try collection.buildOptions(outputDirectory: outputDirectory,
                                                                          environment: environment),
                                     environment: environment)
        let line = ProgressLine(enabled: !quiet)
        let result: BuildReport
        do {
            result = try await pipeline.build { line.show("[\($0.done)/\($0.total)] \($0.file)") }
        } catch {
            line.clear()
            throw CommandFailure("\(error)")
        }
        line.clear()
        if let report {
            try writeReport(result, to: report)
        }
        Summary(report: result, outputDirectory: outputDirectory, quiet: quiet).print()
        if !result.failedVolumes.isEmpty || (strict && !result.skipped.isEmpty) {
            throw ExitCode.failure
        }
    }

    private func writeReport(_ result: BuildReport, to path: String) throws {
        do {
            try result.jsonData().write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure("cannot write the report \(path): \(error.localizedDescription)")
        }
    }
}
