import ArgumentParser
import Foundation
import SheafKit

extension Grouping: ExpressibleByArgument {}
extension DeviceProfile.Device: ExpressibleByArgument {}

/// The options `build` and `plan` share: what to read, how to group it, and which recipe to start from.
/// Each has a recipe key of the same name (see `sheaf init`); an option given here wins over the recipe.
struct CollectionOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "Collection roots, folders below them, or article files.",
        discussion: "A collection root holds pages/<channel>/<id>.md. Without paths, ./sheaf.toml's recipes are built "
            + "when it exists, else Samples/ in the current folder.",
        valueName: "path"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("Build only this recipe of the recipe file.", valueName: "name"))
    var recipe: String?

    @Option(help: ArgumentHelp("Recipe file to use (default: ./sheaf.toml when it exists).", valueName: "file"))
    var config: String?

    @Option(name: .customLong("group-by"), help: ArgumentHelp(
        "One book per ISO week, month, day, channel or index page, or all in one book (default: week).",
        valueName: "grouping"))
    var groupBy: Grouping?

    @Option(name: .customLong("channel"), help: ArgumentHelp(
        "Only articles of this channel (its folder name under pages/); repeat for several.", valueName: "name"))
    var channels: [String] = []

    @Option(name: .customLong("index"), help: ArgumentHelp(
        "A book of this index page only (73 or indexes/73.md); implies --group-by index. Repeatable.",
        valueName: "name"))
    var indexes: [String] = []

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
    var weekStart: Weekday?

    @Option(name: .customLong("max-articles"), help: ArgumentHelp(
        "Split a book with more articles into balanced parts (Part 1 of 2…).", valueName: "n"))
    var maxArticles: Int?

    @Option(name: .customLong("max-size"), help: ArgumentHelp(
        "Split a book with more article text than this into balanced parts (default 50MB, under what e-mail "
        + "delivery to Kindle accepts).", valueName: "size"))
    var maxSize: String?

    @Option(help: ArgumentHelp(
        "Book title instead of the collection's name, or a pattern: \"{collection} {key}\" ({subtitle} too).",
        valueName: "text"))
    var title: String?

    @Option(name: .customLong("file-name"), help: ArgumentHelp(
        "Book file names as a pattern over {collection} and {key} (default {collection}-{key}.epub); kept ASCII.",
        valueName: "pattern"))
    var fileName: String?

    @Option(help: ArgumentHelp("The books' language as a BCP 47 tag (zh, zh-Hant, en…); detected from the "
                               + "titles when omitted.", valueName: "tag"))
    var language: String?

    @Option(name: .customLong("templates"), help: ArgumentHelp(
        "Folder of templates that replace the built-in ones by file name (see 'sheaf templates export').",
        valueName: "dir"))
    var templatesDirectory: String?

    @Option(name: .customLong("cover"), help: ArgumentHelp(
        "An image (JPEG, PNG, WebP…) to use as every book's cover; without it each book gets a cover drawn "
            + "from its title, dates and collection.", valueName: "file"))
    var coverFile: String?

    @Option(name: .customLong("images"), help: ArgumentHelp(
        "An offline image cache laid out by URL (DIR/host/path, as 'wget -x' saves): remote images found there "
            + "are embedded; the others stay placeholders.", valueName: "dir"))
    var imagesDirectory: String?

    @Option(help: ArgumentHelp(
        "The reader the books are made for: generic, kindle, kobo, koreader or apple (default: generic).",
        discussion: DeviceProfile.summary, valueName: "device"))
    var device: DeviceProfile.Device?

    @Option(name: .customLong("to"), help: ArgumentHelp(
        "Copy each finished book into this folder (a mounted reader's, or any), atomically; books already "
            + "there unchanged are skipped.", valueName: "dir"))
    var sideloadDirectory: String?

    @Option(help: ArgumentHelp("How many books to make at once (default: the number of cores, here "
                               + "\(BuildOptions.defaultJobs)).", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        guard (jobs ?? 1) >= 1 else { throw ValidationError("--jobs must be at least 1.") }
        guard (maxArticles ?? 1) >= 1 else { throw ValidationError("--max-articles must be at least 1.") }
        if last != nil && (since != nil || until != nil) {
            throw ValidationError("--last counts back from today: give it alone, or --since/--until instead.")
        }
        if let language, language.isEmpty || language.contains(where: { !($0.isLetter || $0.isNumber || $0 == "-") }) {
            throw ValidationError("--language '\(language)' is not a BCP 47 tag such as zh or en-GB.")
        }
        do {
            _ = try settings(out: nil)
        } catch let error as SheafError {
            throw ValidationError(error.reason + ".")
        }
    }

    /// What the command line says, as the top layer of settings.
    func settings(out: String?) throws -> BuildSettings {
        var settings = BuildSettings()
        settings.inputs = paths.isEmpty ? nil : paths
        settings.channels = channels.isEmpty ? nil : channels
        settings.groupBy = groupBy
        settings.indexes = indexes.isEmpty ? nil : indexes
        settings.since = try since.map(DateWindow.date)
        settings.until = try until.map(DateWindow.date)
        settings.last = try last.map { _ = try DateWindow.days(in: $0); return $0 }
        settings.weekStart = weekStart?.isoNumber
        settings.maxArticles = maxArticles
        settings.maxSize = try maxSize.map(VolumeLimits.size)
        settings.title = title
        settings.fileName = fileName
        settings.language = language
        settings.out = out
        settings.templates = templatesDirectory
        settings.cover = coverFile
        settings.images = imagesDirectory
        settings.device = device
        settings.to = sideloadDirectory
        return settings
    }

    /// The builds to run: each recipe of the recipe file (or the one named) under the command line's options,
    /// or the command line alone. A recipe file is used when named, when a recipe is asked for, or when no
    /// path is given and ./sheaf.toml exists.
    /// `build` adds its own flags through `extra`.
    func runs(out: String?, environment: BuildEnvironment,
              extra: BuildSettings = BuildSettings()) throws -> [(recipe: String?, options: BuildOptions)] {
        let command = try settings(out: out).overridden(by: extra)
        let jobs = jobs ?? BuildOptions.defaultJobs
        let recipeFile = config ?? (recipe != nil || paths.isEmpty ? "sheaf.toml" : nil)
        if let recipeFile, config != nil || recipe != nil || FileManager.default.fileExists(atPath: recipeFile) {
            return try RecipeFile.load(recipeFile).recipes(named: recipe).map {
                var options = try $0.settings.overridden(by: command).buildOptions(environment: environment, jobs: jobs)
                // A recipe's books are one series, whatever its options become.
                options.series = $0.name
                return ($0.name, options)
            }
        }
        if paths.isEmpty && !FileManager.default.fileExists(atPath: "Samples") {
            throw CommandFailure("no path given, and neither sheaf.toml nor Samples/ is here: name a collection to build "
                                 + "(or write a recipe file with 'sheaf init')")
        }
        return [(nil, try command.buildOptions(environment: environment, jobs: jobs))]
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
