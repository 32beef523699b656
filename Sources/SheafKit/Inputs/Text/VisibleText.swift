/// The text a reader would see in a stretch of HTML soup: tags, comments, scripts and styles removed,
/// character references decoded. Good enough to find a dateline or a fallback title, not to render.
enum VisibleText {
    /// What to do with whitespace (including U+3000 and no-break spaces).
    enum Whitespace {
        /// Drop it: pretty-printing put false spaces between CJK characters, and a dateline can be split.
        case remove
        /// Turn each run into one space and trim the ends.
        case collapse
    }

    /// The visible text of the first `byteLimit` bytes of `html`, stopping once about `textLimit` bytes
    /// of text are found.
    static func of(_ html: ArraySlice<UInt8>, byteLimit: Int = .max, textLimit: Int = .max,
                   whitespace: Whitespace) -> String {
        let end = html.startIndex + min(html.count, byteLimit)
        let text = HTMLEntities.decode(stripTags(html[html.startIndex..<end], textLimit: textLimit)[...])
        return String(decoding: normalize(text, whitespace: whitespace), as: UTF8.self)
    }

    /// `text` with its whitespace removed or collapsed as asked.
    static func normalize(_ text: String, whitespace: Whitespace) -> String {
        String(decoding: normalize(Array(text.utf8), whitespace: whitespace), as: UTF8.self)
    }

    /// UTF-8 `text` with its whitespace removed or collapsed as asked.
    static func normalize(_ text: [UInt8], whitespace: Whitespace) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var pendingSpace = false
        var i = 0
        while i < text.count {
            let space = spaceLength(text, at: i)
            if space > 0 {
                pendingSpace = whitespace == .collapse && !out.isEmpty
                i += space
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(text[i])
                i += 1
            }
        }
        return out
    }

    /// The UTF-8 length of the whitespace character at `i`, or 0: ASCII and Unicode spaces, U+3000,
    /// no-break, zero-width spaces and U+FEFF.
    static func spaceLength(_ text: [UInt8], at i: Int) -> Int {
        let byte = text[i]
        if byte == 0x20 || (0x09...0x0D).contains(byte) { return 1 }
        guard byte >= 0xC2, byte <= 0xEF, i + 1 < text.count else { return 0 }
        let second = text[i + 1]
        if byte == 0xC2 { return second == 0x85 || second == 0xA0 ? 2 : 0 }
        guard i + 2 < text.count else { return 0 }
        let third = text[i + 2]
        switch (byte, second) {
        case (0xE1, 0x9A): return third == 0x80 ? 3 : 0                                   // U+1680
        case (0xE2, 0x80): return (0x80...0x8B).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0
        case (0xE2, 0x81): return third == 0x9F ? 3 : 0                                   // U+205F
        case (0xE3, 0x80): return third == 0x80 ? 3 : 0                                   // U+3000
        case (0xEF, 0xBB): return third == 0xBF ? 3 : 0                                   // U+FEFF
        default: return 0
        }
    }

    // MARK: - Tags

    /// The bytes outside tags, comments, and `<script>`/`<style>` elements; a tag ends a word (a space).
    /// Runs of ASCII whitespace (pretty-printing indents) become one space.
    static func stripTags(_ html: ArraySlice<UInt8>, textLimit: Int = .max) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(min(html.count, textLimit) / 2)
        var i = html.startIndex
        while i < html.endIndex, out.count < textLimit {
            let byte = html[i]
            guard byte == UInt8(ascii: "<"), i + 1 < html.endIndex, startsMarkup(html[i + 1]) else {
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    if out.last != 0x20 { out.append(0x20) }
                } else {
                    out.append(byte)
                }
                i += 1
                continue
            }
            if hasPrefix(html, at: i, "<!--") {
                i = index(after: "-->", in: html, from: i + 4)
                continue
            }
            let tagEnd = endOfTag(html, from: i + 1)
            if let raw = rawTextElement(html, at: i + 1) {
                i = index(after: "</" + raw, in: html, from: tagEnd)
                i = endOfTag(html, from: i)
            } else {
                i = tagEnd
            }
            if out.last != 0x20 { out.append(0x20) }
        }
        return out
    }

    /// Whether the byte after `<` opens markup (a letter, `/`, `!` or `?`) rather than being text.
    static func startsMarkup(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
    }

    /// The index just past the `>` that closes the tag started before `start`, skipping quoted values.
    static func endOfTag(_ html: ArraySlice<UInt8>, from start: Int) -> Int {
        var quote: UInt8?
        var i = start
        while i < html.endIndex {
            let byte = html[i]
            if let q = quote {
                if byte == q { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return i + 1
            }
            i += 1
        }
        return html.endIndex
    }

    /// `script` or `style` when the tag name at `start` is one of them: their content is not text.
    static func rawTextElement(_ html: ArraySlice<UInt8>, at start: Int) -> String? {
        for name in ["script", "style"] where hasPrefix(html, at: start, name, ignoringCase: true) {
            let after = start + name.utf8.count
            if after >= html.endIndex || !isNameByte(html[after]) { return name }
        }
        return nil
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }

    /// Whether `html` holds `prefix` at `index` (ASCII, optionally case-insensitive).
    static func hasPrefix(_ html: ArraySlice<UInt8>, at index: Int, _ prefix: String,
                          ignoringCase: Bool = false) -> Bool {
        var i = index
        for expected in prefix.utf8 {
            guard i < html.endIndex else { return false }
            let actual = ignoringCase ? lowercased(html[i]) : html[i]
            guard actual == (ignoringCase ? lowercased(expected) : expected) else { return false }
            i += 1
        }
        return true
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// The index just past the next occurrence of `needle` (case-insensitive) at or after `start`.
    static func index(after needle: String, in html: ArraySlice<UInt8>, from start: Int) -> Int {
        var i = start
        while i < html.endIndex {
            if hasPrefix(html, at: i, needle, ignoringCase: true) { return i + needle.utf8.count }
            i += 1
        }
        return html.endIndex
    }
}
