/// Checks a page template as it is loaded, before any book is made: every name it uses is one its page's
/// context has (`PageContext`), it uses no partial, and an XHTML template is well-formed XHTML whatever its
/// sections hold. Each problem names the template's file and line.
struct TemplateCheck {
    /// The template's file as the user gave it, or the built-in template's name.
    let file: String
    let names: TemplateNames

    /// Checks `text`, which swift-mustache has parsed already; `xhtml` for a page (`*.xhtml.mustache`).
    func check(_ text: String, xhtml: Bool) throws {
        let tags = MustacheTags.scan(text)
        try checkNames(tags)
        if xhtml { try checkWellFormed(text, tags: tags) }
    }

    // MARK: - Names

    /// Follows the sections as Mustache renders them: inside `{{#list}}` the names of the list's items come
    /// before the page's; inside a section over a single value only `.` names that value.
    private func checkNames(_ tags: [MustacheTag]) throws {
        var scopes: [TemplateNames] = [names]
        for tag in tags {
            switch tag.kind {
            case .partial:
                throw problem(tag, "unknown partial '\(tag.name)'; Sheaf's page templates have no partials: "
                              + "write its text into the template")
            case .close:
                if scopes.count > 1 { scopes.removeLast() }
            case .block:
                scopes.append(TemplateNames([]))
            case .other:
                continue
            case .variable, .unescaped, .section, .inverted:
                let item = try resolve(tag, in: scopes)
                if tag.kind == .section || tag.kind == .inverted {
                    // An inverted section renders in the context around it: its scope adds no name.
                    scopes.append(tag.kind == .section ? item ?? TemplateNames([]) : TemplateNames([]))
                }
            }
        }
    }

    /// The names inside the items of the list `tag` names, if it names one; throws when `tag`'s name is unknown.
    private func resolve(_ tag: MustacheTag, in scopes: [TemplateNames]) throws -> TemplateNames? {
        let insideSection = scopes.count > 1
        // `.` is the section's own value; `{{index()}}`, `{{first()}}` are about the list being walked.
        if tag.name == "." || tag.name.isEmpty {
            if insideSection { return nil }
            throw problem(tag, "'\(tag.name.isEmpty ? "()" : ".")' names a section's value; it is used outside any section")
        }
        // `.name` looks only in the innermost context; `a.b` looks up `a`, then `b` inside its items.
        let parts = tag.name.split(separator: ".").map(String.init)
        let searched = tag.name.hasPrefix(".") ? [scopes[scopes.count - 1]] : Array(scopes.reversed())
        guard let scope = searched.first(where: { $0.knows(parts[0]) }) else { throw unknown(tag, scopes) }
        var item = scope.lists[parts[0]]
        for part in parts.dropFirst() {
            guard let inner = item, inner.knows(part) else { throw unknown(tag, scopes) }
            item = inner.lists[part]
        }
        return item
    }

    private func unknown(_ tag: MustacheTag, _ scopes: [TemplateNames]) -> SheafError {
        var visible: [String] = []
        for name in scopes.reversed().flatMap(\.names) where !visible.contains(name) { visible.append(name) }
        let what = tag.kind == .section || tag.kind == .inverted ? "section" : "variable"
        return problem(tag, "unknown \(what) '\(tag.name)'; this template knows: " + visible.joined(separator: ", "))
    }

    // MARK: - Well-formed XHTML

    /// Parses the template with each tag replaced by nothing (its line breaks kept, so lines stay the template's)
    /// and each section's body kept once; the `{{^x}}` branch right after a `{{#x}}…{{/x}}` is the other
    /// choice, not more markup, and is left out.
    private func checkWellFormed(_ text: String, tags: [MustacheTag]) throws {
        let skeleton = Self.skeleton(Array(text.utf8), tags: tags)
        guard let found = XMLWellFormedness.problem(in: String(decoding: skeleton, as: UTF8.self)) else { return }
        throw SheafError(stage: .assemble, file: "\(file):\(found.line)", "not well-formed XHTML: \(found.message)")
    }

    static func skeleton(_ text: [UInt8], tags: [MustacheTag]) -> [UInt8] {
        var result: [UInt8] = []
        var cursor = 0, index = 0
        while index < tags.count {
            let tag = tags[index]
            result += text[cursor..<tag.bytes.lowerBound]
            var end = tag.bytes.upperBound
            if tag.kind == .inverted, index > 0, tags[index - 1].kind == .close, tags[index - 1].name == tag.name,
               text[tags[index - 1].bytes.upperBound..<tag.bytes.lowerBound].allSatisfy(isSpace) {
                index = closing(tags, of: index)
                end = tags[index].bytes.upperBound
            }
            result += text[tag.bytes.lowerBound..<end].filter { $0 == UInt8(ascii: "\n") }
            cursor = end
            index += 1
        }
        result += text[cursor...]
        return declarationFirst(result)
    }

    /// The index of the tag closing the section opened at `start`.
    private static func closing(_ tags: [MustacheTag], of start: Int) -> Int {
        var depth = 0
        for index in start..<tags.count {
            switch tags[index].kind {
            case .section, .inverted, .block: depth += 1
            case .close: depth -= 1
            default: break
            }
            if depth == 0 { return index }
        }
        return tags.count - 1
    }

    /// A template may open with comment or section lines that render as nothing, but the XML declaration must
    /// come first: it is moved before them, the lines after it keeping their numbers.
    private static func declarationFirst(_ skeleton: [UInt8]) -> [UInt8] {
        let start = skeleton.firstIndex { !isSpace($0) } ?? skeleton.count
        let declaration = Array("<?xml".utf8)
        guard start > 0, skeleton[start...].starts(with: declaration),
              let end = skeleton[start...].indices.first(where: { skeleton[$0...].starts(with: Array("?>".utf8)) })
        else { return skeleton }
        return Array(skeleton[start..<end + 2]) + skeleton[..<start] + skeleton[(end + 2)...]
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    private func problem(_ tag: MustacheTag, _ reason: String) -> SheafError {
        SheafError(stage: .assemble, file: "\(file):\(tag.line)", reason)
    }
}
