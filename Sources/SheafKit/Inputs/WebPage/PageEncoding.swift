#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a saved page's bytes into UTF-8 text, by the encoding the page declares or, undeclared, the one that
/// explains its bytes.
///
/// In the order a browser trusts them: a byte order mark; a `<meta charset>`, `<meta http-equiv="Content-Type">`
/// or XML declaration among the first bytes (or the charset a web archive recorded, `declared`) — unless the bytes
/// are valid UTF-8 with non-ASCII text, which a page converted to UTF-8 under its old declaration is; else strict UTF-8;
/// else a legacy encoding found by shape: Shift_JIS or EUC-JP for text with kana, GB18030 or Big5 for Chinese
/// (`LegacyEncoding`), else Windows-1252, the web's default. Any encoding iconv knows can be declared.
enum PageEncoding {
    /// How far into the page a declaration is looked for (as browsers do: 1,024 bytes; a few more for long heads).
    static let declarationWindow = 4_096
    /// Undeclared bytes are read as Chinese only when that gives at least this many ideographs.
    static let minimumIdeographs = 8

    /// The page's text and what was done to its bytes, or why it is no page; `declared` is a charset given from
    /// outside the page (an HTTP header's), trusted over the page's own.
    static func decode(_ bytes: [UInt8], declared outside: String? = nil) -> Result<ArticleEncoding.Decoded, NotAnArticle> {
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if !hasBOM, ArticleEncoding.binaryKind(bytes) == nil,
           let label = outside.flatMap(normalizedLabel) ?? declaredLabel(in: bytes), label != "utf-8" {
            // Pages converted to UTF-8 often keep their old declaration: text in a legacy encoding is almost never
            // valid UTF-8 once it holds non-ASCII characters, so such bytes are read as UTF-8.
            if bytes.contains(where: { $0 >= 0x80 }), ArticleEncoding.isValidUTF8(bytes[...]) {
                return ArticleEncoding.decode(bytes).map { decoded in
                    var decoded = decoded
                    decoded.repairs.insert("read as UTF-8: the page declares \(label), but its bytes are UTF-8", at: 0)
                    return decoded
                }
            }
            guard let text = convert(bytes, from: label) else {
                // An encoding iconv does not know: read by shape, and say so.
                return ArticleEncoding.decode(bytes).map { decoded in
                    var decoded = decoded
                    decoded.repairs.insert("the declared encoding \(label) is unknown; read by its bytes", at: 0)
                    return decoded
                }
            }
            return finished(text.utf8, repairs: ["decoded as \(label), as the page declares"]
                            + (text.invalid == 0 ? [] : ["repaired \(ArticleEncoding.counted(text.invalid, "invalid \(label) sequence"))"]))
        }
        if hasBOM || ArticleEncoding.binaryKind(bytes) != nil || ArticleEncoding.isValidUTF8(bytes[...]) {
            return ArticleEncoding.decode(bytes)
        }
        // Undeclared and not UTF-8: Japanese when strict Shift_JIS or EUC-JP reads it with kana.
        for label in ["shift_jis", "euc-jp"] {
            if let text = convert(bytes, from: label, strict: true), hasKana(text.utf8) {
                return finished(text.utf8, repairs: ["decoded as \(label) (the page declares no encoding)"])
            }
        }
        let lossy = ArticleEncoding.repairingUTF8(bytes[...])
        if lossy.invalid * 20 < lossy.nonASCII {
            // UTF-8 with a few damaged bytes: repaired, as the mirror's files are.
            return ArticleEncoding.decode(bytes)
        }
        if let chinese = LegacyEncoding.best(for: bytes[...], replacing: lossy),
           TextScore(String(decoding: chinese.utf8, as: UTF8.self)).ideographs >= minimumIdeographs {
            // Chinese in GB18030 or Big5 (a few accented letters of Windows-1252 read as ideographs too).
            return ArticleEncoding.decode(bytes)
        }
        guard let western = convert(bytes, from: "windows-1252") else { return ArticleEncoding.decode(bytes) }
        return finished(western.utf8, repairs: ["decoded as windows-1252 (the page declares no encoding)"])
    }

    private static func finished(_ utf8: [UInt8], repairs: [String]) -> Result<ArticleEncoding.Decoded, NotAnArticle> {
        guard utf8.contains(where: { !ArticleEncoding.isASCIISpace($0) }) else {
            return .failure(NotAnArticle(reason: "not an article: empty file"))
        }
        var decoded = ArticleEncoding.Decoded(utf8: utf8, repairs: repairs)
        if decoded.utf8.contains(0x0D) { decoded.utf8 = ArticleEncoding.normalizingLineEnds(decoded.utf8) }
        return .success(decoded)
    }

    // MARK: - Declarations

    /// The charset the page's first bytes declare (lower case, with the web's aliases: `iso-8859-1` and `ascii`
    /// read as `windows-1252`, `gb2312` and `gbk` as `gb18030`), or nil.
    static func declaredLabel(in bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(declarationWindow).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self)
            .lowercased()
        if head.hasPrefix("<?xml"), let end = head.range(of: "?>"),
           let label = value(after: "encoding", in: head[..<end.lowerBound]) {
            return normalizedLabel(label)
        }
        var rest = head[...]
        while let meta = rest.range(of: "<meta") {
            let tagEnd = rest[meta.upperBound...].firstIndex(of: ">") ?? rest.endIndex
            let tag = rest[meta.upperBound..<tagEnd]
            if let label = value(after: "charset", in: tag) { return normalizedLabel(label) }
            rest = rest[tagEnd...]
        }
        return nil
    }

    /// The value after `name=` in `text` (quoted or not; inside a `content="text/html; charset=x"` too).
    private static func value(after name: String, in text: Substring) -> String? {
        var rest = text
        while let found = rest.range(of: name) {
            var after = rest[found.upperBound...].drop { $0 == " " }
            rest = rest[found.upperBound...]
            guard after.first == "=" else { continue }
            after = after.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" }
            let label = after.prefix { $0.isLetter || $0.isNumber || "-_.:".contains($0) }
            if !label.isEmpty { return String(label) }
        }
        return nil
    }

    /// A charset label as iconv knows it, with the aliases browsers apply.
    static func normalizedLabel(_ label: String) -> String? {
        let lower = label.trimmingCharacters(in: .whitespaces).lowercased()
        guard !lower.isEmpty else { return nil }
        switch lower {
        case "utf8", "utf-8", "unicode-1-1-utf-8", "x-unicode20utf8": return "utf-8"
        // UTF-16 declared in a page read as bytes without a byte order mark cannot be: browsers read it as UTF-8.
        case "utf-16", "utf-16le", "utf-16be", "unicode": return "utf-8"
        case "iso-8859-1", "latin1", "l1", "us-ascii", "ascii", "iso8859-1", "cp1252", "x-cp1252": return "windows-1252"
        case "gb2312", "gbk", "x-gbk", "gb_2312-80", "chinese", "csgb2312", "euc-cn": return "gb18030"
        case "x-sjis", "sjis", "shift-jis", "ms_kanji", "csshiftjis", "windows-31j", "ms932", "cp932": return "shift_jis"
        case "big5-hkscs", "x-x-big5", "cn-big5": return "big5"
        case "iso-8859-9", "latin5": return "windows-1254"
        case "tis-620", "iso-8859-11": return "windows-874"
        default: return lower
        }
    }

    // MARK: - Converting

    /// `bytes` in the encoding `label` as UTF-8, with each invalid sequence U+FFFD and counted; nil when iconv does
    /// not know the encoding, or (`strict`) at the first invalid sequence.
    static func convert(_ bytes: [UInt8], from label: String, strict: Bool = false) -> (utf8: [UInt8], invalid: Int)? {
        // Shift_JIS as the web writes it is Microsoft's: CP932 has its extra characters.
        let name = label == "shift_jis" ? "CP932" : label
        let converter = iconv_open("UTF-8", name)
        guard let converter, Int(bitPattern: converter) != -1 else { return nil }
        defer { iconv_close(converter) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 2)
        var invalid = 0
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let completed: Bool = bytes.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { return true }
            var input: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base).assumingMemoryBound(to: CChar.self)
            var inputLeft = source.count
            return chunk.withUnsafeMutableBufferPointer { buffer in
                while inputLeft > 0 {
                    var out: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                    var outLeft = buffer.count
                    let result = iconv(converter, &input, &inputLeft, &out, &outLeft)
                    output.append(contentsOf: buffer[0..<(buffer.count - outLeft)])
                    guard result == -1 else { continue }
                    switch errno {
                    case E2BIG: continue
                    case EILSEQ, EINVAL:
                        if strict { return false }
                        invalid += 1
                        output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                        input = input.map { $0 + 1 }
                        inputLeft -= 1
                    default:
                        return false
                    }
                }
                return true
            }
        }
        guard completed else { return nil }
        return (output, invalid)
    }

    /// Whether UTF-8 text holds hiragana or katakana (U+3040–U+30FF), which only Japanese writes.
    static func hasKana(_ utf8: [UInt8]) -> Bool {
        // E3 81 80 … E3 83 BF encode U+3040…U+30FF.
        var index = 0
        var found = 0
        while index + 2 < utf8.count {
            if utf8[index] == 0xE3, (0x81...0x83).contains(utf8[index + 1]) { found += 1; if found >= 3 { return true } }
            index += 1
        }
        return false
    }
}
