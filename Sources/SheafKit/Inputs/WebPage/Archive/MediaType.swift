/// A `Content-Type` value read: `text/html; charset="utf-8"` → `text/html` and `["charset": "utf-8"]`.
struct MediaType: Sendable, Equatable {
    /// Type and subtype in lower case (`text/html`); empty when the value names none.
    var essence: String
    /// Parameters by lower-case name, values unquoted (`\` escapes undone) and as written.
    var parameters: [String: String]

    /// The value of a `Content-Type` field read; parameters are split at `;` outside quotes.
    init(_ value: String) {
        let parts = Self.split(value)
        essence = parts.first.map { $0.trimmingWhitespace().lowercased() } ?? ""
        var parameters: [String: String] = [:]
        for part in parts.dropFirst() {
            guard let equals = part.firstIndex(of: "=") else { continue }
            let name = part[..<equals].trimmingWhitespace().lowercased()
            guard !name.isEmpty, parameters[name] == nil else { continue }
            parameters[name] = Self.unquoted(part[part.index(after: equals)...].trimmingWhitespace())
        }
        self.parameters = parameters
    }

    /// The `charset` parameter in lower case, when given.
    var charset: String? {
        parameters["charset"].map { $0.lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether the type is HTML (or XHTML).
    var isHTML: Bool { essence == "text/html" || essence == "application/xhtml+xml" }

    /// `value` cut at every `;` that is not inside double quotes.
    private static func split(_ value: String) -> [Substring] {
        var parts: [Substring] = []
        var start = value.startIndex
        var quoted = false
        var escaped = false
        for index in value.indices {
            let character = value[index]
            if escaped { escaped = false; continue }
            if quoted, character == "\\" { escaped = true; continue }
            if character == "\"" { quoted.toggle() }
            if character == ";", !quoted {
                parts.append(value[start..<index])
                start = value.index(after: index)
            }
        }
        parts.append(value[start...])
        return parts
    }

    /// A parameter value without its double quotes and with backslash escapes undone.
    private static func unquoted(_ value: String) -> String {
        guard value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") else { return value }
        var text = ""
        var escaped = false
        for character in value.dropFirst().dropLast() {
            if !escaped, character == "\\" { escaped = true; continue }
            escaped = false
            text.append(character)
        }
        return text
    }
}
