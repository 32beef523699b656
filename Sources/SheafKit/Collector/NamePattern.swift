/// The `{placeholders}` a book's title and file-name patterns may hold, checked when the pattern is given: an
/// unknown one (a typo such as `{colection}`) would otherwise stay in every book's name as written.
public enum NamePattern {
    /// What `file-name` may hold: the placeholders `VolumeNaming` fills (the one list of them).
    public static let fileName = VolumeNaming.placeholders
    /// What `title` may hold: the same names as a file name.
    public static let title = VolumeNaming.placeholders

    /// The names between braces in `pattern`, in order (`{collection}-{key}` → collection, key).
    static func placeholders(in pattern: String) -> [String] {
        var names: [String] = []
        var rest = pattern[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(where: { $0 == "}" || $0 == "{" }) else { break }
            if after[close] == "}" { names.append(String(after[..<close])) }
            rest = after[close...].dropFirst(after[close] == "}" ? 1 : 0)
        }
        return names
    }

    /// Why `pattern` is refused, or nil when each of its placeholders is `known`.
    static func problem(in pattern: String, known: [String]) -> String? {
        guard let unknown = placeholders(in: pattern).first(where: { !known.contains($0) }) else { return nil }
        return "unknown placeholder {\(unknown)}; the known ones are " + known.map { "{\($0)}" }.joined(separator: ", ")
    }

    /// Throws when `pattern`, the value of `key`, holds a placeholder not `known`.
    public static func check(_ pattern: String, key: String, known: [String]) throws {
        if let problem = problem(in: pattern, known: known) {
            throw SheafError(stage: .collect, "\(key): \(problem)")
        }
    }
}
