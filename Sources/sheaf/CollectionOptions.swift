import Foundation
import ArgumentParser
import SheafKit

extension Grouping: ExpressibleByArgument {}

/// The options `build` and `plan` share: what to read and how to group it.
struct CollectionOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "Collection roots, folders below them, or article files.",
        discussion: "A collection root holds pages/<channel>/<id>.md. Defaults to Samples/ in the current folder.",
        valueName: "path"))
    var paths: [String] = []

    @Option(name: .customLong("group-by"), help: ArgumentHelp(
        "One book per ISO week, month, day or channel, or all in one book.", valueName: "grouping"))
    var groupBy: Grouping = .week

    @Option(help: ArgumentHelp("Book title to use instead of the collection's folder name.", valueName: "text"))
    var title: String?

    @Option(help: ArgumentHelp("The books' language as a BCP 47 tag (zh, zh-Hant, en…); detected from the "
                               + "titles when omitted.", valueName: "tag"))
    var language: String?

    @Option(name: .customLong("templates"), help: ArgumentHelp(
        "Folder of templates that replace the built-in ones by file name (see 'sheaf templates export').",
        valueName: "dir"))
    var templatesDirectory: String?

    @Option(help: ArgumentHelp("How many books to make at once (default: the number of cores, here "
                               + "\(BuildOptions.defaultJobs)).", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        guard (jobs ?? 1) >= 1 else { throw ValidationError("--jobs must be at least 1.") }
        if let language, language.isEmpty || language.contains(where: { !($0.isLetter || $0.isNumber || $0 == "-") }) {
            throw ValidationError("--language '\(language)' is not a BCP 47 tag such as zh or en-GB.")
        }
        if paths.isEmpty && !FileManager.default.fileExists(atPath: "Samples") {
            throw ValidationError("No path given and no Samples/ folder here: name a collection to build.")
        }
    }

    func buildOptions(outputDirectory: String) -> BuildOptions {
        BuildOptions(inputs: paths.isEmpty ? ["Samples"] : paths, outputDirectory: outputDirectory,
                     grouping: groupBy, title: title, language: language,
                     templatesDirectory: templatesDirectory, jobs: jobs ?? BuildOptions.defaultJobs)
    }
}
