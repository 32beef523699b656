import Foundation
import TOMLKit

/// A `sheaf.toml`: shared `[defaults]` and named `[recipes.NAME]` tables, each a layer of `BuildSettings`.
///
/// The only file that talks to TOMLKit. Every problem is a `SheafError` naming the file, the line and the key.
public struct RecipeFile: Sendable, Equatable {
    /// One named recipe.
    public struct Recipe: Sendable, Equatable {
        /// The recipe's name: `weekly` for `[recipes.weekly]`.
        public var name: String
        /// The recipe's own settings, `[defaults]` under them.
        public var settings: BuildSettings
    }

    /// The recipe file's path, as given.
    public var path: String
    /// The `[defaults]` table, under every recipe.
    public var defaults: BuildSettings
    /// In the file's order.
    public var recipes: [Recipe]

    /// Reads and checks a recipe file.
    public static func load(_ path: String) throws -> RecipeFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SheafError(stage: .read, file: path, "cannot read the recipe file")
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    /// Parses recipe text; relative paths in it are taken from the folder `path` is in.
    public static func parse(_ text: String, path: String) throws -> RecipeFile {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw SheafError(stage: .read, file: "\(path):\(error.source.begin.line)",
                             "not valid TOML: \(error.description) (column \(error.source.begin.column))")
        }
        let lines = RecipeLines(text: text)
        let fields = RecipeFields(path: path, lines: lines)
        var file = RecipeFile(path: path, defaults: BuildSettings(), recipes: [])
        for key in table.keys where key != "defaults" && key != "recipes" {
            throw misplaced(key, lines: lines, path: path)
        }
        if let defaults = table["defaults"] {
            file.defaults = try fields.settings(defaults.tomlValue, at: ["defaults"])
        }
        guard let recipes = table["recipes"]?.tomlValue.table else {
            throw SheafError(stage: .read, file: "\(path):1", "no recipe: add a [recipes.NAME] table (see 'sheaf init')")
        }
        for name in lines.order(of: recipes.keys, under: "recipes") {
            guard let value = recipes[name] else { continue }
            file.recipes.append(Recipe(name: name, settings: try fields.settings(value.tomlValue, at: ["recipes", name])))
        }
        return file
    }

    /// The error for a top-level name other than `defaults` and `recipes`, at its line, with the table it was
    /// likely meant to be: `[recipe.weekly]` → `[recipes.weekly]`, `[default]` → `[defaults]`, `[weekly]` →
    /// `[recipes.weekly]`.
    private static func misplaced(_ key: String, lines: RecipeLines, path: String) -> SheafError {
        let found = lines.root(key)
        var reason = "unknown table or key '\(key)': a recipe file has [defaults] and [recipes.NAME] tables"
        if let header = found?.path, !header.isEmpty {
            let rest = header.dropFirst()
            let meant = isNear(key, "defaults") ? ["defaults"] + rest
                : isNear(key, "recipes") ? ["recipes"] + rest : ["recipes"] + header
            reason += "; did you mean [\(meant.joined(separator: "."))]?"
        }
        return SheafError(stage: .read, file: "\(path):\(found?.line ?? 1)", reason)
    }

    /// Whether `word` is `target` with a slip of the keyboard: another case, or at most two letters added,
    /// left out, changed or swapped.
    private static func isNear(_ word: String, _ target: String) -> Bool {
        let typed = Array(word.lowercased()), wanted = Array(target)
        guard abs(typed.count - wanted.count) <= 2 else { return false }
        // Levenshtein distance, a row at a time.
        var previous = Array(0...wanted.count)
        for (i, letter) in typed.enumerated() {
            var current = [i + 1]
            for (j, other) in wanted.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (letter == other ? 0 : 1)))
            }
            previous = current
        }
        return previous[wanted.count] <= 2
    }

    /// The settings of the recipe called `name` (defaults under it), or of every recipe when `name` is nil.
    public func recipes(named name: String?) throws -> [Recipe] {
        let chosen = name.map { wanted in recipes.filter { $0.name == wanted } } ?? recipes
        guard !chosen.isEmpty else {
            throw SheafError(stage: .read, file: path, "no recipe named '\(name ?? "")'; this file has: "
                             + recipes.map(\.name).joined(separator: ", "))
        }
        return chosen.map { Recipe(name: $0.name, settings: defaults.overridden(by: $0.settings)) }
    }
}
