import Foundation

/// Finds where tables and keys stand in a recipe file's text, so errors can name the line.
///
/// TOMLKit keeps no positions for values; recipe files are plainly laid out, so a look at the lines
/// (`[recipes.weekly]`, then `key = …` before the next table) finds them. The lines are read once, into
/// dictionaries: a file of 10,000 recipes is looked up as fast as one of three.
struct RecipeLines {
    /// The 0-based line of each table header, by its dotted path (the first, should a header repeat).
    private var headers: [String: Int] = [:]
    /// The 0-based line of each key, by the dotted path of its table (`""` for the top level), then by key.
    private var keys: [String: [String: Int]] = [:]
    /// The first header or top-level key under each top-level name (`recipe` for `[recipe.weekly]`), with the
    /// header's whole path (empty for a key): where a misspelt table is reported.
    private var roots: [String: (line: Int, path: [String])] = [:]

    init(text: String) {
        // The table the following keys belong to; nil after a header that is not read (a repeat, `[[…]]`).
        var table: String? = ""
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                table = nil
                guard let path = Self.headerPath(of: line) else { continue }
                let dotted = path.joined(separator: ".")
                if let root = path.first, roots[root] == nil { roots[root] = (index, path) }
                if headers[dotted] == nil {
                    headers[dotted] = index
                    table = dotted
                }
                continue
            }
            guard let table, let key = Self.keyName(of: line) else { continue }
            if keys[table]?[key] == nil { keys[table, default: [:]][key] = index }
            if table.isEmpty, let root = key.split(separator: ".").first.map(String.init), roots[root] == nil {
                roots[root] = (index, [])
            }
        }
    }

    /// The 1-based line of `key` inside the table at `tablePath` (`[]` for the top level), else of the
    /// table's header, else 1.
    func line(ofKey key: String, in tablePath: [String]) -> Int {
        let table = tablePath.joined(separator: ".")
        return (keys[table]?[key] ?? (tablePath.isEmpty ? nil : headers[table])).map { $0 + 1 } ?? 1
    }

    /// The 1-based line of the table header `[a.b]`.
    func line(ofTable tablePath: [String]) -> Int {
        (tablePath.isEmpty ? nil : headers[tablePath.joined(separator: ".")]).map { $0 + 1 } ?? 1
    }

    /// Where the top-level name `root` first appears — a key, or a header `[root…]` — with that header's path
    /// (empty for a key).
    func root(_ root: String) -> (line: Int, path: [String])? {
        roots[root].map { ($0.line + 1, $0.path) }
    }

    /// `names` in the order their `[parent.NAME]` headers appear in the file (others last, sorted).
    func order(of names: [String], under parent: String) -> [String] {
        names.map { (headers[parent + "." + $0] ?? Int.max, $0) }.sorted { $0 < $1 }.map(\.1)
    }

    /// `["recipes", "weekly"]` for `[recipes.weekly]` or `[ recipes . "weekly" ]`; nil when the line is no header.
    private static func headerPath(of line: String) -> [String]? {
        guard let close = line.firstIndex(of: "]") else { return nil }
        return line[line.index(after: line.startIndex)..<close].split(separator: ".").map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        }
    }

    /// `group-by` for `group-by = "week"` (bare or quoted key).
    static func keyName(of line: String) -> String? {
        guard let equals = line.firstIndex(of: "="), !line.hasPrefix("#") else { return nil }
        let key = line[..<equals].trimmingCharacters(in: .whitespaces)
        return key.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    }
}
