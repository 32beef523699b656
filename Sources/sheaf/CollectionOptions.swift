import ArgumentParser
import Foundation
import SheafKit

extension Grouping: ExpressibleByArgument {}
extension DeviceProfile.Device: ExpressibleByArgument {}
extension PageExtraction.Mode: ExpressibleByArgument {}

/// The options `build` and `plan` share: what to read, how to group and name it, and which recipe to start
/// from. Each has a recipe key of the same name (see `sheaf init`); an option given here wins over the recipe.
/// What only `build` uses is in `BuildOnlyOptions`.
struct CollectionOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "Collection roots, folders below them, or article files.",
        discussion: "A collection root holds pages/<channel>/<id>.md. Saved web pages (.html, .htm, .xhtml, .html.gz, "
            + ".mht, .mhtml) and web archives (.warc, .warc.gz) are read too. Without paths, ./sheaf.toml's recipes "
            + "are built when it exists, else Samples/ in the current folder.",
        valueName: "path"))
    var paths: [String] = []

    @Option(help: ArgumentHelp(
        "Read every input as this format (\(BuildSettings.formatNames.joined(separator: ", "))) "
            + "instead of choosing each file's by its name and first bytes.", valueName: "name"))
    var format: String?

    @Option(help: ArgumentHelp("Build only this recipe of the recipe file.", valueName: "name"))
    var recipe: String?

    @Option(help: ArgumentHelp("Recipe file (default: ./sheaf.toml, when it exists).", valueName: "file"))
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
        discussion: "Counted back from --today when given, else from SOURCE_DATE_EPOCH when set, else from "
            + "today (UTC).", valueName: "span"))
    var last: String?

    @Option(help: ArgumentHelp("The day --last counts back from, instead of today.", valueName: "YYYY-MM-DD"))
    var today: String?

    @Option(name: .customLong("week-start"), help: ArgumentHelp(
        "First day of a week for --group-by week; monday gives ISO weeks (2021-W03), another day names each "
        + "book after its first day (week-2021-01-16).", valueName: "day"))
    var weekStart: Weekday?

    @Option(name: .customLong("max-articles"), help: ArgumentHelp(
        "Split a book with more articles into balanced parts (Part 1 of 2…).", valueName: "n"))
    var maxArticles: Int?

    @Option(name: .customLong("max-size"), help: ArgumentHelp(
        "Split a book with more article text than this into balanced parts: 50MB, 800KB, 20MiB (a unit is "
        + "needed; default: 50MB, under what Kindle's e-mail delivery accepts).", valueName: "size"))
    var maxSize: String?

    @Option(help: ArgumentHelp(
        "Book title instead of the collection's name, or a pattern: \"{collection} {key}\" ({subtitle}, {since}, "
            + "{until}, {first}, {last} too).",
        valueName: "text"))
    var title: String?

    @Option(name: .customLong("file-name"), help: ArgumentHelp(
        "Book file names as a pattern over {collection}, {key} and the title's others (default "
            + "{collection}-{key}.epub); kept ASCII.",
        valueName: "pattern"))
    var fileName: String?

    @Option(help: ArgumentHelp("The books' language as a BCP 47 tag (zh, zh-Hant, en…); detected from the "
                               + "titles when omitted.", valueName: "tag"))
    var language: String?

    @Option(help: ArgumentHelp(
        "The reader the books are made for (default: generic).",
        discussion: DeviceProfile.summary, valueName: "device"))
    var device: DeviceProfile.Device?

    @Option(help: ArgumentHelp(
        "In saved web pages, find the article (auto, the default) or package each page whole (off).",
        discussion: "auto leaves out menus, headers and footers, share buttons, related links, comments and notices; "
            + "off keeps every part of the page but its scripts, forms and menus: for pages known to be clean.",
        valueName: "mode"))
    var extract: PageExtraction.Mode?

    @Option(name: .customLong("keep"), help: ArgumentHelp(
        "In saved web pages, the article is what this CSS selector matches (article, .story, #main > div, "
            + "[itemprop=articleBody]); repeatable. A recipe's sites table gives selectors per site.",
        valueName: "selector"))
    var keep: [String] = []

    @Option(name: .customLong("remove"), help: ArgumentHelp(
        "In saved web pages, leave out what this CSS selector matches (.newsletter, div.related, [data-ad]); "
            + "repeatable.", valueName: "selector"))
    var remove: [String] = []

    func validate() throws {
        guard (maxArticles ?? 1) >= 1 else { throw ValidationError("--max-articles must be at least 1.") }
        if last != nil && (since != nil || until != nil) {
            throw ValidationError("--last counts back from today: give it alone, or --since/--until instead.")
        }
        if let language, language.isEmpty || language.contains(where: { !($0.isLetter || $0.isNumber || $0 == "-") }) {
            throw ValidationError("--language '\(language)' is not a BCP 47 tag such as zh or en-GB.")
        }
        do {
            let settings = try settings(out: nil)
            _ = try Self.parsed("--today", today, DateWindow.date)
            if let since = settings.since, let until = settings.until, until < since {
                throw SheafError(stage: .collect, "--since \(since) is after --until \(until): the window holds no day")
            }
        } catch let error as SheafError {
            throw ValidationError(error.reason + ".")
        }
    }

    /// `text` parsed, with the option's name put before the reason it is refused.
    private static func parsed<T>(_ option: String, _ text: String?, _ parse: (String) throws -> T) throws -> T? {
        do {
            return try text.map(parse)
        } catch let error as SheafError {
            throw SheafError(stage: error.stage, "\(option): \(error.reason)")
        }
    }

    /// What the command line says, as the top layer of settings.
    func settings(out: String?) throws -> BuildSettings {
        var settings = BuildSettings()
        settings.inputs = paths.isEmpty ? nil : paths
        settings.format = try Self.parsed("--format", format, BuildSettings.checkedFormat)
        settings.channels = channels.isEmpty ? nil : channels
        settings.groupBy = groupBy
        settings.indexes = indexes.isEmpty ? nil : indexes
        settings.since = try Self.parsed("--since", since, DateWindow.date)
        settings.until = try Self.parsed("--until", until, DateWindow.date)
        settings.last = try Self.parsed("--last", last) { _ = try DateWindow.days(in: $0); return $0 }
        settings.weekStart = weekStart?.isoNumber
        settings.maxArticles = maxArticles
        settings.maxSize = try Self.parsed("--max-size", maxSize, VolumeLimits.size)
        try title.map { try NamePattern.check($0, key: "--title", known: NamePattern.title) }
        try fileName.map { try NamePattern.check($0, key: "--file-name", known: NamePattern.fileName) }
        settings.title = title
        settings.fileName = fileName
        settings.language = language
        settings.extract = extract
        for selector in keep + remove { _ = try Self.parsed(keep.contains(selector) ? "--keep" : "--remove", selector, PageSelector.check) }
        settings.keep = keep.isEmpty ? nil : keep
        settings.remove = remove.isEmpty ? nil : remove
        settings.out = out
        settings.device = device
        return settings
    }

    /// The builds to run: each recipe of the recipe file (or the one named) under the command line's options,
    /// or the command line alone. A recipe file is used when named, when a recipe is asked for, or when no
    /// path is given and ./sheaf.toml exists.
    /// `build` adds its own options through `extra` and `jobs`.
    func runs(out: String?, environment: BuildEnvironment, extra: BuildSettings = BuildSettings(),
              jobs: Int = BuildOptions.defaultJobs) throws -> [BuildRun] {
        try BuildRun.choose(settings: settings(out: out).overridden(by: extra), recipeFile: config, recipe: recipe,
                            environment: environment, jobs: jobs)
    }

    /// The process's environment, the clock and `--today`: the one place they enter a run. A bad
    /// `SOURCE_DATE_EPOCH` stops the run here, naming the value.
    func environment() throws -> BuildEnvironment {
        do {
            return try SheafBuild.processEnvironment(today: Self.parsed("--today", today, DateWindow.date))
        } catch let error as SheafError {
            throw CommandFailure("\(error)")
        }
    }
}

/// A day of the week, as `--week-start` takes it.
enum Weekday: String, CaseIterable, ExpressibleByArgument {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// 1 = Monday … 7 = Sunday.
    var isoNumber: Int { (Self.allCases.firstIndex(of: self) ?? 0) + 1 }
}
