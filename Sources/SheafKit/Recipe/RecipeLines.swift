import Foundation

/// Finds where tables and keys stand in a recipe file's text, so errors can name the line.
///
/// TOMLKit keeps no positions for values; recipe files are small and plainly laid out, so a look at the
/// lines (`[recipes.weekly]`, then `key = …` before the next table) finds them.
struct RecipeLines {
    let lines: [Substring]

    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The 1-based line of `key` inside the table at `tablePath` (`[]` for the top level), else of the
    /// table's header, else 1.
    func line(ofKey key: String, in tablePath: [String]) -> Int {
        let header = headerIndex(tablePath)
        for index in (header.map { $0 + 1 } ?? 0)..<lines.count {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") { break }  // the next table begins
            if Self.keyName(of: line) == key { return index + 1 }
        }
        return header.map { $0 + 1 } ?? 1
    }

    /// The 1-based line of the table header `[a.b]`.
    func line(ofTable tablePath: [String]) -> Int {
        headerIndex(tablePath).map { $0 + 1 } ?? 1
    }

    /// `names` in the order their `[parent.NAME]` headers appear in the file (others last, sorted).
    func order(of names: [String], under parent: String) -> [String] {
        let position = { (name: String) in self.headerIndex([parent, name]) ?? Int.max }
        return names.sorted { (position($0), $0) < (position($1), $1) }
    }

    private func headerIndex(_ path: [String]) -> Int? {
        guard !path.isEmpty else { return nil }
        let wanted = path.joined(separator: ".")
        return lines.firstIndex { line in
            let text = line.trimmingCharacters(in: .whitespaces)
            guard text.hasPrefix("["), let close = text.firstIndex(of: "]") else { return false }
            let inside = text[text.index(after: text.startIndex)..<close]
                .split(separator: ".").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) }
            return inside.joined(separator: ".") == wanted
        }
    }

    /// `group-by` for `group-by = "week"` (bare or quoted key).
    static func keyName(of line: String) -> String? {
        guard let equals = line.firstIndex(of: "="), !line.hasPrefix("#") else { return nil }
        let key = line[..<equals].trimmingCharacters(in: .whitespaces)
        return key.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    }
}
