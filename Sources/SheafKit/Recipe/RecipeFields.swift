import Foundation
import TOMLKit

/// Turns one recipe table into `BuildSettings`, checking every key and value and naming the line of any
/// problem. Relative paths are taken from the recipe file's folder; `~` is the home folder.
struct RecipeFields {
    let path: String
    let lines: RecipeLines

    /// Every key a recipe table may hold: the command line's long option names.
    static let keys = ["inputs", "format", "channels", "group-by", "index", "since", "until", "last", "week-start",
                       "max-articles", "max-size", "title", "file-name", "language", "out", "templates", "cover", "images",
                       "device", "to", "catalog", "repeat", "prune", "extract", "keep", "remove", "sites"]
    /// The keys of a site's table under `sites`.
    static let siteKeys = ["extract", "keep", "remove"]

    func settings(_ value: TOMLValue, at table: [String]) throws -> BuildSettings {
        guard let fields = value.table else {
            throw problem(at: table, key: nil, "must be a table, like [\(table.joined(separator: "."))]")
        }
        var settings = BuildSettings()
        for key in fields.keys {
            guard let field = fields[key]?.tomlValue else { continue }
            let read = FieldReader(fields: self, table: table, key: key, value: field)
            switch key {
            case "inputs": settings.inputs = try read.strings().map(resolvedPath)
            case "format":
                let name = try read.string()
                _ = try read.checked(name) { try InputDoor(format: $0) }
                settings.format = name
            case "channels": settings.channels = try read.strings()
            case "group-by": settings.groupBy = try read.choice(Grouping.self)
            case "index": settings.indexes = try read.strings()
            case "since": settings.since = try read.date()
            case "until": settings.until = try read.date()
            case "last": settings.last = try read.checked(read.string(), DateWindow.days)
            case "week-start": settings.weekStart = try read.weekday()
            case "max-articles": settings.maxArticles = try read.positiveInt()
            case "max-size": settings.maxSize = try read.size()
            case "title": settings.title = try read.pattern(known: NamePattern.title)
            case "file-name": settings.fileName = try read.pattern(known: NamePattern.fileName)
            case "language": settings.language = try read.string()
            case "out": settings.out = resolvedPath(try read.string())
            case "templates": settings.templates = resolvedPath(try read.string())
            case "cover": settings.cover = resolvedPath(try read.string())
            case "images": settings.images = resolvedPath(try read.string())
            case "device": settings.device = try read.choice(DeviceProfile.Device.self)
            case "to": settings.to = resolvedPath(try read.string())
            case "catalog": settings.catalog = try read.bool()
            case "repeat": settings.repeat = try read.bool()
            case "prune": settings.prune = try read.bool()
            case "extract": settings.extract = try read.choice(PageExtraction.Mode.self)
            case "keep": settings.keep = try read.selectors()
            case "remove": settings.remove = try read.selectors()
            case "sites": settings.sites = try sites(field, at: table + ["sites"])
            default:
                throw problem(at: table, key: key, "unknown key; a recipe takes " + Self.keys.joined(separator: ", "))
            }
        }
        if settings.last != nil && (settings.since != nil || settings.until != nil) {
            throw problem(at: table, key: "last", "give either last or since/until, not both")
        }
        do {
            _ = try DateWindow.checked(since: settings.since, until: settings.until)
        } catch let error as SheafError {
            throw problem(at: table, key: "until", error.reason)
        }
        return settings
    }

    /// A `sites` table: for each host, a table of `extract`, `keep` and `remove`.
    func sites(_ value: TOMLValue, at table: [String]) throws -> [String: PageExtraction.Rules] {
        guard let hosts = value.table else {
            throw problem(at: table, key: nil, "must be a table of sites, like [\(table.joined(separator: ".")).\"example.com\"]")
        }
        var sites: [String: PageExtraction.Rules] = [:]
        for host in hosts.keys {
            guard let fields = hosts[host]?.tomlValue.table else {
                throw problem(at: table, key: host, "must be a table of \(Self.siteKeys.joined(separator: ", "))")
            }
            var rules = PageExtraction.Rules()
            for key in fields.keys {
                guard let field = fields[key]?.tomlValue else { continue }
                let read = FieldReader(fields: self, table: table + [host], key: key, value: field)
                switch key {
                case "extract": rules.mode = try read.choice(PageExtraction.Mode.self)
                case "keep": rules.keep = try read.selectors()
                case "remove": rules.remove = try read.selectors()
                default:
                    throw problem(at: table + [host], key: key, "unknown key; a site takes " + Self.siteKeys.joined(separator: ", "))
                }
            }
            sites[host.lowercased()] = rules
        }
        return sites
    }

    func problem(at table: [String], key: String?, _ reason: String) -> SheafError {
        let line = key.map { lines.line(ofKey: $0, in: table) } ?? lines.line(ofTable: table)
        let name = (table + (key.map { [$0] } ?? [])).joined(separator: ".")
        return SheafError(stage: .read, file: "\(path):\(line)", "\(name): \(reason)")
    }

    /// `~/x` → home; a relative path → relative to the recipe file's folder.
    func resolvedPath(_ value: String) -> String {
        if value == "~" || value.hasPrefix("~/") {
            return NSString(string: value).expandingTildeInPath
        }
        if value.hasPrefix("/") { return value }
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? value : (folder as NSString).appendingPathComponent(value)
    }
}

/// Reads one value of a recipe table as the type its key needs.
private struct FieldReader {
    let fields: RecipeFields
    let table: [String]
    let key: String
    let value: TOMLValue

    func fail(_ reason: String) -> SheafError { fields.problem(at: table, key: key, reason) }

    func string() throws -> String {
        guard let text = value.string else { throw fail("must be a string, e.g. \(key) = \"…\"") }
        return text
    }

    /// A string or an array of strings.
    func strings() throws -> [String] {
        if let text = value.string { return [text] }
        guard let array = value.array else { throw fail("must be a string or a list of strings, e.g. [\"a\", \"b\"]") }
        return try array.map { item in
            guard let text = item.tomlValue.string else { throw fail("must be a list of strings, e.g. [\"a\", \"b\"]") }
            return text
        }
    }

    /// A selector or a list of them, each checked.
    func selectors() throws -> [String] {
        let list = try strings()
        for selector in list { _ = try checked(selector) { try PageSelector($0) } }
        return list
    }

    func choice<T: RawRepresentable & CaseIterable>(_: T.Type) throws -> T where T.RawValue == String {
        let text = try string()
        guard let choice = T(rawValue: text) else {
            throw fail("'\(text)' is not one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return choice
    }

    func date() throws -> ArticleDate {
        if let date = value.date, let article = ArticleDate(year: date.year, month: date.month, day: date.day) {
            return article
        }
        return try checked(string(), DateWindow.date)
    }

    func weekday() throws -> Int {
        let days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        let text = try string().lowercased()
        guard let index = days.firstIndex(of: text) else { throw fail("'\(text)' is not a day of the week (monday…sunday)") }
        return index + 1
    }

    /// A title or file-name pattern whose `{placeholders}` are all among `known`.
    func pattern(known: [String]) throws -> String {
        let text = try string()
        if let problem = NamePattern.problem(in: text, known: known) { throw fail(problem) }
        return text
    }

    func bool() throws -> Bool {
        guard let flag = value.bool else { throw fail("must be true or false") }
        return flag
    }

    func positiveInt() throws -> Int {
        guard let number = value.int, number >= 1 else { throw fail("must be a whole number of at least 1") }
        return number
    }

    /// A string such as "50MB"; a bare number is refused, as on the command line (is 10 bytes or megabytes?).
    func size() throws -> Int {
        if let number = value.int { throw fail("must be a size with a unit, e.g. \"\(number)MB\" or \"\(number)KB\"") }
        return try checked(string(), VolumeLimits.size)
    }

    /// Runs a SheafKit parser over a string value, rewording its error with this key's line.
    func checked<T>(_ text: String, _ parse: (String) throws -> T) throws -> T {
        do {
            return try parse(text)
        } catch let error as SheafError {
            throw fail(error.reason)
        }
    }

    func checked(_ text: String, _ validate: (String) throws -> Int) throws -> String {
        _ = try checked(text, validate) as Int
        return text
    }
}
