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

    /// The visible text of the first `byteLimit` bytes of `html`.
    static func of(_ html: ArraySlice<UInt8>, byteLimit: Int = .max, whitespace: Whitespace) -> String {
        let end = html.startIndex + min(html.count, byteLimit)
        let text = HTMLEntities.decode(String(decoding: stripTags(html[html.startIndex..<end]), as: UTF8.self))
        return normalize(text, whitespace: whitespace)
    }

    /// `text` with its whitespace removed or collapsed as asked.
    static func normalize(_ text: String, whitespace: Whitespace) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = whitespace == .collapse && !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whitespace as a reader sees it: ASCII and Unicode spaces, U+3000, no-break and zero-width spaces.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F,
             0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    // MARK: - Tags

    /// The bytes outside tags, comments, and `<script>`/`<style>` elements; a tag ends a word (a space).
    static func stripTags(_ html: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(html.count / 2)
        var i = html.startIndex
        while i < html.endIndex {
            let byte = html[i]
            guard byte == UInt8(ascii: "<"), i + 1 < html.endIndex, startsMarkup(html[i + 1]) else {
                out.append(byte)
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
            out.append(UInt8(ascii: " "))
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
