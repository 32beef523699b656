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

    @Option(help: ArgumentHelp("Only articles dated on or after this day.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(help: ArgumentHelp("Only articles dated on or before this day.", valueName: "YYYY-MM-DD"))
    var until: String?

    @Option(help: ArgumentHelp(
        "Only articles of the last days or weeks, today included: 7d, 2w.",
        discussion: "Counted back from SOURCE_DATE_EPOCH when set, else from today (UTC).", valueName: "span"))
    var last: String?

    @Option(name: .customLong("week-start"), help: ArgumentHelp(
        "First day of a week for --group-by week; monday gives ISO weeks (2021-W03), another day names each "
        + "book after its first day (week-2021-01-16).", valueName: "day"))
    var weekStart: Weekday = .monday

    @Option(name: .customLong("max-articles"), help: ArgumentHelp(
        "Split a book with more articles into balanced parts (Part 1 of 2…).", valueName: "n"))
    var maxArticles: Int?

    @Option(name: .customLong("max-size"), help: ArgumentHelp(
        "Split a book with more article text than this into balanced parts (default 50MB, under what e-mail "
        + "delivery to Kindle accepts).", valueName: "size"))
    var maxSize: String?

    @Option(help: ArgumentHelp("How many books to make at once (default: the number of cores, here "
                               + "\(BuildOptions.defaultJobs)).", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        guard (jobs ?? 1) >= 1 else { throw ValidationError("--jobs must be at least 1.") }
        guard (maxArticles ?? 1) >= 1 else { throw ValidationError("--max-articles must be at least 1.") }
        if last != nil && (since != nil || until != nil) {
            throw ValidationError("--last counts back from today: give it alone, or --since/--until instead.")
        }
        do {
            _ = try maxSize.map(VolumeLimits.size)
            _ = try since.map(DateWindow.date)
            _ = try until.map(DateWindow.date)
            _ = try last.map(DateWindow.days)
        } catch let error as SheafError {
            throw ValidationError(error.reason + ".")
        }
        if let language, language.isEmpty || language.contains(where: { !($0.isLetter || $0.isNumber || $0 == "-") }) {
            throw ValidationError("--language '\(language)' is not a BCP 47 tag such as zh or en-GB.")
        }
        if paths.isEmpty && !FileManager.default.fileExists(atPath: "Samples") {
            throw ValidationError("No path given and no Samples/ folder here: name a collection to build.")
        }
    }

    /// The options for SheafKit; `environment` dates `--last`.
    func buildOptions(outputDirectory: String, environment: BuildEnvironment) throws -> BuildOptions {
        var window = DateWindow(since: try since.map(DateWindow.date), until: try until.map(DateWindow.date))
        if let last {
            guard let today = environment.today else { throw CommandFailure("--last needs today's date") }
            window = try DateWindow.last(last, today: today)
        }
        let limits = VolumeLimits(maxArticles: maxArticles,
                                  maxSize: try maxSize.map(VolumeLimits.size) ?? VolumeLimits.defaultMaxSize)
        return BuildOptions(inputs: paths.isEmpty ? ["Samples"] : paths, outputDirectory: outputDirectory,
                            grouping: groupBy, title: title, language: language,
                            templatesDirectory: templatesDirectory, jobs: jobs ?? BuildOptions.defaultJobs,
                            window: window, weekStart: weekStart.isoNumber, limits: limits)
    }

    /// The process's environment and clock: the one place they enter a run.
    static var environment: BuildEnvironment {
        BuildEnvironment(environment: ProcessInfo.processInfo.environment, now: Int(Date().timeIntervalSince1970))
    }
}

/// A day of the week, as `--week-start` takes it.
enum Weekday: String, CaseIterable, ExpressibleByArgument {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// 1 = Monday … 7 = Sunday.
    var isoNumber: Int { (Self.allCases.firstIndex(of: self) ?? 0) + 1 }
}
