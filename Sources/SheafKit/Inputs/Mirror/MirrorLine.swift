/// Shapes of single lines in a mirrored article file, tested on UTF-8 bytes (no regex, no copies).
enum MirrorLine {
    // MARK: - Markdown shapes

    /// Only spaces and tabs.
    static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// An ATX heading (`### TITLE`, up to three spaces of indent): its level and its trimmed text.
    static func heading(_ line: ArraySlice<UInt8>) -> (level: Int, content: ArraySlice<UInt8>)? {
        let body = dropIndent(line)
        let level = body.prefix { $0 == UInt8(ascii: "#") }.count
        guard (1...6).contains(level) else { return nil }
        let rest = body.dropFirst(level)
        guard rest.isEmpty || rest.first == 0x20 || rest.first == 0x09 else { return nil }
        return (level, trimmed(rest))
    }

    /// A rule of three or more dashes (`---`, `------------------------`).
    static func isDashes(_ line: ArraySlice<UInt8>) -> Bool {
        let unindented = dropIndent(line)
        guard unindented.first == UInt8(ascii: "-") else { return false }
        let body = trimmed(unindented)
        return body.count >= 3 && body.allSatisfy { $0 == UInt8(ascii: "-") }
    }

    /// A heading made only of Markdown links and separators: a navigation or promo line
    /// (`#### [首页](…) &nbsp;|&nbsp; [看大陆](…)`, `#### [ 🔥 禁书下载](…)`, `#### 💥 [《…》](…) | […](…)`).
    static func isLinkHeading(_ line: ArraySlice<UInt8>) -> Bool {
        guard let (_, content) = heading(line) else { return false }
        return linkLine(content) != nil
    }

    /// A line of Markdown links without heading marks that has the shape of the mirror's promos: pipes or emoji
    /// between its links, or links to the mirror's own pages (`github.com/…/blob/…`) or to bare IP addresses.
    /// Another line of links is content, rendered as the links it means (see `MarkdownInline`).
    static func isPromoLinkLine(_ line: ArraySlice<UInt8>) -> Bool {
        guard heading(line) == nil, let shape = linkLine(trimmed(line)) else { return false }
        return shape.separated || shape.targets.contains { target in
            let url = String(decoding: target, as: UTF8.self)
            return (url.contains("github.com/") && url.contains("/blob/"))
                || LinkResolver.host(ofURL: url).map(isIPAddress) == true
        }
    }

    /// What a line made only of Markdown links and separators holds: its links' targets, and whether pipes or
    /// emoji stood between them. Nil when anything else is on the line.
    static func linkLine(_ content: ArraySlice<UInt8>) -> (targets: [ArraySlice<UInt8>], separated: Bool)? {
        var rest = content
        var targets: [ArraySlice<UInt8>] = []
        var separated = false
        while true {
            rest = droppingSeparators(rest, marked: &separated)
            guard let first = rest.first else { return targets.isEmpty ? nil : (targets, separated) }
            guard first == UInt8(ascii: "["), let textEnd = find(rest, "](") else { return nil }
            let urlStart = textEnd + 2
            guard let urlEnd = rest[urlStart...].firstIndex(of: UInt8(ascii: ")")) else { return nil }
            targets.append(trimmed(rest[urlStart..<urlEnd]))
            rest = rest[(urlEnd + 1)...]
        }
    }

    /// `rest` without leading spaces, `|`, `&nbsp;`, no-break and ideographic spaces and emoji; `marked` is set
    /// when a pipe or an emoji was among them.
    static func droppingSeparators(_ rest: ArraySlice<UInt8>, marked: inout Bool) -> ArraySlice<UInt8> {
        var rest = rest
        while let first = rest.first {
            if first == 0x20 || first == 0x09 {
                rest = rest.dropFirst()
            } else if first == UInt8(ascii: "|") {
                marked = true
                rest = rest.dropFirst()
            } else if hasPrefix(rest, "&nbsp;") {
                rest = rest.dropFirst(6)
            } else if rest.starts(with: [0xC2, 0xA0]) {
                rest = rest.dropFirst(2)
            } else if rest.starts(with: [0xE3, 0x80, 0x80]) {
                rest = rest.dropFirst(3)
            } else if first >= 0xC0, let (scalar, length) = scalar(at: rest), isPictograph(scalar) {
                marked = true
                rest = rest.dropFirst(length)
            } else {
                break
            }
        }
        return rest
    }

    /// An emoji or another pictographic symbol (💥 🎬 🔥 ★), or the joiners and selectors emoji are built with.
    static func isPictograph(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{FE0F}" || scalar == "\u{200D}" || scalar.properties.generalCategory == .otherSymbol
            || (scalar.value > 0xFF && scalar.properties.isEmojiPresentation)
    }

    /// The scalar a UTF-8 sequence starts with, and its length in bytes.
    static func scalar(at bytes: ArraySlice<UInt8>) -> (Unicode.Scalar, Int)? {
        var iterator = bytes.prefix(4).makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        return (scalar, String(scalar).utf8.count)
    }

    /// `1.2.3.4`: four numbers of at most three digits.
    static func isIPAddress(_ host: String) -> Bool {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { (1...3).contains($0.count) && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    // MARK: - Trailer shapes

    /// A zero-size tracking image: `<img src='…' width='0px' height='0px'/>`.
    static func isTrackingPixel(_ line: ArraySlice<UInt8>) -> Bool {
        let body = trimmed(line)
        return hasPrefix(body, "<img") && hasZero(body, attribute: "width") && hasZero(body, attribute: "height")
    }

    /// Whether `tag` sets `attribute` to zero (`width='0px'`, `width="0"`, `width=0`).
    static func hasZero(_ tag: ArraySlice<UInt8>, attribute: String) -> Bool {
        guard let at = find(tag, attribute + "=") else { return false }
        var value = tag[(at + attribute.utf8.count + 1)...]
        if value.first == UInt8(ascii: "'") || value.first == UInt8(ascii: "\"") { value = value.dropFirst() }
        guard value.first == UInt8(ascii: "0") else { return false }
        let next = value.dropFirst().first ?? 0
        return !(next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9")) && next != UInt8(ascii: ".")
    }

    /// The URL of a source line (`原文地址（需翻墙访问）：URL`, `原文链接：URL`, `原文: URL`), as written.
    static func sourceURL(_ line: ArraySlice<UInt8>) -> String? {
        let body = trimmed(line)
        guard body.starts(with: "原文".utf8) else { return nil }
        let label = body.prefix(64)
        let fullWidth = find(label, "：")
        let halfWidth = label.firstIndex(of: UInt8(ascii: ":"))
        guard let colon = [fullWidth, halfWidth].compactMap({ $0 }).min() else { return nil }
        var value = trimmed(body[(colon + (colon == fullWidth ? 3 : 1))...])
        for br in ["<br/>", "<br />", "<br>"] where hasSuffix(value, br) {
            value = trimmed(value.dropLast(br.utf8.count))
        }
        guard find(value, "://") != nil || hasPrefix(value, "www.") else { return nil }
        return String(decoding: value, as: UTF8.self)
    }

    // MARK: - Bytes

    /// `line` without up to three leading spaces (Markdown's indent for block markers).
    static func dropIndent(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        // At most three spaces are read: a line indented deeper is not a Markdown shape anyway.
        var start = line.startIndex
        while start < line.endIndex, start - line.startIndex < 3, line[start] == 0x20 { start += 1 }
        return line[start...]
    }

    /// `line` without leading and trailing ASCII whitespace.
    static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || (0x09...0x0D).contains($0) }
        guard let first = line.firstIndex(where: { !isSpace($0) }),
              let last = line.lastIndex(where: { !isSpace($0) }) else { return line[line.endIndex...] }
        return line[first...last]
    }

    static func hasPrefix(_ line: ArraySlice<UInt8>, _ prefix: String) -> Bool {
        line.starts(with: prefix.utf8)
    }

    static func hasSuffix(_ line: ArraySlice<UInt8>, _ suffix: String) -> Bool {
        line.count >= suffix.utf8.count && line.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
    }

    static func contains(_ line: ArraySlice<UInt8>, _ needle: String) -> Bool {
        find(line, needle) != nil
    }

    /// The index where `needle` first occurs in `line`.
    static func find(_ line: ArraySlice<UInt8>, _ needle: String) -> Int? {
        let pattern = Array(needle.utf8)
        guard let head = pattern.first, line.count >= pattern.count else { return nil }
        var i = line.startIndex
        let last = line.endIndex - pattern.count
        while i <= last {
            if line[i] == head, line[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
            i += 1
        }
        return nil
    }
}
