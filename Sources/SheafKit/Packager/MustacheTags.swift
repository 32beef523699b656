/// One tag of a Mustache template, as `MustacheTags` finds it: what it does, the name it uses and where it is.
struct MustacheTag: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// `{{name}}`
        case variable
        /// `{{{name}}}` or `{{&name}}`: inserted as it is, not escaped.
        case unescaped
        /// `{{#name}}`
        case section
        /// `{{^name}}`
        case inverted
        /// `{{/name}}`
        case close
        /// `{{>name}}` or `{{<name}}`
        case partial
        /// `{{$name}}`: a block, which outside a parent renders its own content.
        case block
        /// Comments, delimiter changes and configuration: nothing rendered.
        case other
    }

    var kind: Kind
    /// The value's name without transforms: `title` for `{{uppercased(title)}}`; `""` for `{{index()}}`.
    var name: String
    /// The 1-based line the tag starts on.
    var line: Int
    /// Where the tag is in the template's UTF-8 bytes, delimiters included.
    var bytes: Range<Int>
}

/// Finds the tags of a Mustache template that swift-mustache has parsed already (so every tag is closed and
/// every section matched), following `{{=<% %>=}}` delimiter changes as its parser does.
enum MustacheTags {
    static func scan(_ template: String) -> [MustacheTag] {
        let text = Array(template.utf8)
        var (open, close) = (Array("{{".utf8), Array("}}".utf8))
        var tags: [MustacheTag] = []
        var line = 1, index = 0
        while index < text.count {
            guard starts(text, open, at: index) else {
                if text[index] == UInt8(ascii: "\n") { line += 1 }
                index += 1
                continue
            }
            let sigil = text.indices.contains(index + open.count) ? text[index + open.count] : 0
            // `{{{name}}}` ends with one more brace; `{{=<% %>=}}` with `=` before the closing delimiter.
            let closing = sigil == UInt8(ascii: "{") ? close + [UInt8(ascii: "}")]
                : sigil == UInt8(ascii: "=") ? [UInt8(ascii: "=")] + close : close
            let inner = index + open.count + (Kind.sigils[sigil] == nil ? 0 : 1)
            let end = find(closing, in: text, from: inner) ?? text.count
            let body = String(decoding: text[inner..<min(end, text.count)], as: UTF8.self)
            let kind = Kind.sigils[sigil] ?? .variable
            tags.append(MustacheTag(kind: kind, name: name(in: body, kind: kind), line: line,
                                    bytes: index..<min(end + closing.count, text.count)))
            if sigil == UInt8(ascii: "=") { (open, close) = delimiters(body) ?? (open, close) }
            line += text[index..<min(end + closing.count, text.count)].filter { $0 == UInt8(ascii: "\n") }.count
            index = end + closing.count
        }
        return tags
    }

    private typealias Kind = MustacheTag.Kind

    /// `uppercased(title)` → `title`; `first()` → `""`; a partial's or block's name as written.
    private static func name(in body: String, kind: Kind) -> String {
        let trimmed = body.trimmingWhitespace
        guard kind != .partial, kind != .block, kind != .other else { return trimmed }
        guard let open = trimmed.lastIndex(of: "(") else { return trimmed }
        return String(trimmed[trimmed.index(after: open)...].prefix { $0 != ")" })
    }

    private static func delimiters(_ body: String) -> ([UInt8], [UInt8])? {
        let parts = body.split(whereSeparator: \.isWhitespace)
        guard parts.count == 2 else { return nil }
        return (Array(parts[0].utf8), Array(parts[1].utf8))
    }

    private static func starts(_ text: [UInt8], _ prefix: [UInt8], at index: Int) -> Bool {
        index + prefix.count <= text.count && text[index..<index + prefix.count].elementsEqual(prefix)
    }

    private static func find(_ needle: [UInt8], in text: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= text.count {
            if starts(text, needle, at: index) { return index }
            index += 1
        }
        return nil
    }
}

private extension MustacheTag.Kind {
    /// The kind each sigil after the opening delimiter marks; any other character begins a variable's name.
    static let sigils: [UInt8: Self] = [
        UInt8(ascii: "{"): .unescaped, UInt8(ascii: "&"): .unescaped, UInt8(ascii: "#"): .section,
        UInt8(ascii: "^"): .inverted, UInt8(ascii: "/"): .close, UInt8(ascii: ">"): .partial,
        UInt8(ascii: "<"): .partial, UInt8(ascii: "$"): .block, UInt8(ascii: "!"): .other,
        UInt8(ascii: "="): .other, UInt8(ascii: "%"): .other,
    ]
}

private extension String {
    var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
