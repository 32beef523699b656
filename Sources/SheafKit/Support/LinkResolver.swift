/// Turns an `href` found in the soup into one a book may carry, or nil when the link must go.
///
/// Kept: `http`, `https` and `mailto`; protocol- and root-relative addresses are resolved against the
/// article's source URL. Dropped: other schemes, fragments (ids do not survive), links to other pages of the
/// mirror (`../pages/73/1.md`), and relative links with nothing to resolve them against.
struct LinkResolver: Sendable {
    /// The original article's URL, if known.
    let source: String?
    /// The source's scheme, authority and directory, taken apart once for all the article's links.
    private let sourceParts: (scheme: String, authority: String, directory: String)?

    init(source: String?) {
        self.source = source
        sourceParts = source.flatMap(Self.parts(of:))
    }

    static let keptSchemes: Set<String> = ["http", "https", "mailto"]

    func resolve(_ raw: String) -> String? {
        let href = Self.unbroken(raw)
        guard !href.isEmpty, !href.hasPrefix("#"), !Self.lostItsColon(href) else { return nil }
        let absolute: String
        if let scheme = Self.scheme(of: href) {
            guard Self.keptSchemes.contains(scheme) else { return nil }
            absolute = scheme + href.dropFirst(scheme.count)
        } else if href.hasPrefix("//") || href.hasPrefix("\\\\") {
            absolute = (sourceParts?.scheme ?? "https") + ":" + href
        } else if href.hasPrefix("/") {
            guard let base = sourceParts else { return nil }
            absolute = base.scheme + "://" + base.authority + Self.removingDotSegments(href)
        } else {
            guard let base = sourceParts else { return nil }
            absolute = base.scheme + "://" + base.authority + Self.removingDotSegments(base.directory + href)
        }
        return Self.encodedURL(absolute)
    }

    // MARK: - Pieces of URLs

    /// The path with `.` and `..` segments applied (RFC 3986 §5.2.4); the query and fragment untouched.
    static func removingDotSegments(_ reference: String) -> String {
        let end = reference.utf8.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? reference.endIndex
        let path = reference[..<end]
        guard path.utf8.contains(UInt8(ascii: ".")) else { return reference }
        var segments: [Substring] = []
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            let isLast = index == parts.count - 1
            switch part {
            case ".": if isLast { segments.append("") }
            case "..":
                if segments.count > 1 { segments.removeLast() }
                if isLast { segments.append("") }
            default: segments.append(part)
            }
        }
        return segments.joined(separator: "/") + reference[end...]
    }

    /// Browsers ignore tabs and line breaks inside URLs and trim surrounding spaces.
    /// Whether `href` (unbroken) is a path relative to the linking page's folder: no scheme, no `//host`, no `/path`.
    static func isRelativePath(_ href: String) -> Bool {
        scheme(of: href) == nil && !href.hasPrefix("//") && !href.hasPrefix("\\\\") && !href.hasPrefix("/")
    }

    static func unbroken(_ raw: String) -> String {
        let scalars = raw.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) && !isBreak($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) && !isBreak($0) }) else { return "" }
        let inner = scalars[first...last]
        guard inner.contains(where: isBreak) else { return String(inner) }
        return String(String.UnicodeScalarView(inner.filter { !isBreak($0) }))
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{A0}" || scalar == "\u{3000}"
    }

    private static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\t"
    }

    /// `https//host/…`: an absolute URL that lost its colon, not a path to resolve against the page.
    static func lostItsColon(_ href: String) -> Bool {
        let start = href.utf8.prefix(8).map { $0 | 0x20 }
        return start.starts(with: "http//".utf8) || start.starts(with: "https//".utf8)
    }

    /// The host of `url` (`www.minghui.org`), without user, port or path; nil for a relative URL.
    static func host(ofURL url: String) -> String? {
        guard let schemeEnd = url.byteOffset(of: "://") else { return nil }
        let start = url.utf8.index(url.startIndex, offsetBy: schemeEnd + 3)
        let authority = url[start..<authorityEnd(of: url, from: start, endingAlsoAt: nil)]
        let hostStart = authority.utf8.lastIndex(of: UInt8(ascii: "@")).map { authority.utf8.index(after: $0) }
            ?? authority.startIndex
        let hostAndPort = authority[hostStart...]
        let host = hostAndPort[..<(hostAndPort.utf8.firstIndex(of: UInt8(ascii: ":")) ?? hostAndPort.endIndex)]
        return host.isEmpty ? nil : host.lowercased()
    }

    /// Where the authority that starts at `start` ends: at the first `/`, `?`, `#` (or `extra`), else the end.
    /// Read as bytes: the delimiters are ASCII, so the index found is a character boundary.
    private static func authorityEnd(of url: String, from start: String.Index, endingAlsoAt extra: UInt8?) -> String.Index {
        url.utf8[start...].firstIndex { byte in
            byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") || byte == extra
        } ?? url.endIndex
    }

    /// The lower-cased scheme of an absolute URL (`http` in `HTTP://x`).
    static func scheme(of href: String) -> String? {
        let bytes = href.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let name = bytes[..<colon]
        let isLetter = { (byte: UInt8) in (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        guard let first = name.first, isLetter(first), name.allSatisfy({ byte in
            isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }) else { return nil }
        return String(decoding: name.map { isLetter($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// The URL with its path, query and fragment percent-encoded, or nil when it has no valid host
    /// (`http` and `https`: `//` right after the scheme, so not `https:https://host`) or no address (`mailto`).
    static func encodedURL(_ url: String) -> String? {
        if url.hasPrefix("mailto:") { return url.utf8.count > "mailto:".utf8.count ? percentEncoded(url) : nil }
        guard let offset = url.byteOffset(of: "://"), offset == scheme(of: url)?.utf8.count else { return nil }
        let rest = url[url.utf8.index(url.startIndex, offsetBy: offset + 3)...]
        let authority = rest[..<authorityEnd(of: url, from: rest.startIndex, endingAlsoAt: UInt8(ascii: "\\"))]
        guard isValidAuthority(authority) else { return nil }
        return url[..<rest.startIndex] + authority + percentEncoded(String(rest[authority.endIndex...]))
    }

    /// `host` or `host:port`, the host made of letters, digits, dots and hyphens (any script).
    private static func isValidAuthority(_ authority: Substring) -> Bool {
        let parts = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let host = parts.first, !host.isEmpty, host.first != ".", host.first != "-" else { return false }
        // Most hosts are ASCII: their bytes are their characters, judged without Unicode's property tables.
        let isHostCharacter = host.utf8.allSatisfy { $0 < 0x80 }
            ? host.utf8.allSatisfy(isASCIIHostByte)
            : host.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }
        guard isHostCharacter else { return false }
        guard parts.count == 2 else { return true }
        return parts[1].allSatisfy { $0.isASCII && $0.isNumber }
    }

    private static func isASCIIHostByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    private static func parts(of source: String) -> (scheme: String, authority: String, directory: String)? {
        guard let scheme = Self.scheme(of: source), scheme == "http" || scheme == "https",
              let offset = source.byteOffset(of: "://") else { return nil }
        let start = source.utf8.index(source.startIndex, offsetBy: offset + 3)
        let authority = source[start..<authorityEnd(of: source, from: start, endingAlsoAt: nil)]
        guard !authority.isEmpty else { return nil }
        let rest = source[authority.endIndex...]
        let path = rest[..<(rest.utf8.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? rest.endIndex)]
        let directory = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[...$0]) } ?? "/"
        return (scheme, String(authority), directory)
    }

    // MARK: - Encoding

    /// Percent-encodes every byte that may not appear in a URL (spaces, non-ASCII, quotes, a second `#`…),
    /// leaving valid `%XX` escapes alone.
    static func percentEncoded(_ url: String) -> String {
        let bytes = Array(url.utf8)
        // Built as bytes: every byte written is ASCII.
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 8)
        var seenFragment = false
        for (index, byte) in bytes.enumerated() {
            let isEscape = byte == UInt8(ascii: "%") && index + 2 < bytes.count
                && isHexDigit(bytes[index + 1]) && isHexDigit(bytes[index + 2])
            if byte == UInt8(ascii: "#") && !seenFragment {
                seenFragment = true
                output.append(byte)
            } else if isEscape || (byte != UInt8(ascii: "%") && byte != UInt8(ascii: "#") && isURLByte(byte)) {
                output.append(byte)
            } else {
                output += [UInt8(ascii: "%"), hex(byte >> 4), hex(byte & 0x0F)]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func isURLByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: ":"),
             UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "@"), UInt8(ascii: "!"), UInt8(ascii: "$"),
             UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"),
             UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
             UInt8(ascii: "A")...UInt8(ascii: "F"):
            return true
        default:
            return false
        }
    }

    /// The upper-case hex digit of a nibble, as an ASCII byte.
    private static func hex(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? nibble + 48 : nibble + 55
    }
}
