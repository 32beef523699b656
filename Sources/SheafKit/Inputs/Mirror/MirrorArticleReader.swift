import Foundation

/// Reads one article file of the mirror format (`### TITLE`, navigation, HTML body, share block, source line)
/// into an `Article`; a file that is not an article becomes a diagnostic instead.
struct MirrorArticleReader: Sendable {
    /// How much of the body's HTML is searched for a dateline: it opens the article, after a caption or two.
    static let datelineSearchBytes = 32 * 1024
    /// How much visible text (UTF-8 bytes, before whitespace removal) is enough to hold the dateline.
    static let datelineTextBytes = 4 * DatelineParser.searchLimit
    /// How many characters of visible text make a fallback title.
    static let fallbackTitleLength = 40
    /// Files larger than this are skipped unread, so a hostile file costs bounded memory and time (the
    /// corpus's largest article, with inline images, is about 2 MB).
    static let maximumFileBytes = 16 * 1024 * 1024
    /// Titles longer than this many characters are cut (with "…"), as every format cuts them.
    static let maximumTitleLength = ArticleHeader.maximumTitleLength

    /// A reader; it keeps no state between files.
    init() {}

    /// Reads the file's bytes and parses them.
    func read(_ file: ArticleFile) -> Result<Article, Diagnostic> {
        bytes(of: file).flatMap { parse($0, file: file) }
    }

    /// The HTML body of an article whose header was read before: the file read and decoded again without the
    /// header's work (dateline, title). A file that no longer holds an HTML body fails.
    func readBody(_ file: ArticleFile) -> Result<String, Diagnostic> {
        bytes(of: file).flatMap { bytes in
            switch ArticleEncoding.decode(bytes) {
            case .failure(let rejection): return .failure(Self.skipped(file, rejection.reason))
            case .success(let decoded):
                let layout = MirrorArticleLayout(decoded.utf8)
                guard Self.hasTag(layout.body) else {
                    return .failure(Self.skipped(file, "not an article: no HTML body (an index, help page or link list?)"))
                }
                return .success(String(decoding: layout.body, as: UTF8.self))
            }
        }
    }

    /// The file's bytes, or why they cannot be read.
    private func bytes(of file: ArticleFile) -> Result<[UInt8], Diagnostic> {
        switch InputPath.contents(of: file.path, limit: Self.maximumFileBytes) {
        case .bytes(let read): return .success(read)
        // A FIFO or device would block the read forever, or never end.
        case .notRegular: return .failure(Self.skipped(file, "not a regular file (a FIFO, device or socket?)"))
        case .tooLarge(let size):
            let megabytes = String(format: "%.1f", Double(size) / 1_048_576)
            return .failure(Self.skipped(file, "too large: \(megabytes) MB; the limit is "
                + "\(Self.maximumFileBytes / 1_048_576) MB per article"))
        case .unreadable(let reason): return .failure(Self.skipped(file, "cannot read file: \(reason)"))
        }
    }

    /// Parses the bytes of `file`: pure, no disk access.
    func parse(_ bytes: [UInt8], file: ArticleFile) -> Result<Article, Diagnostic> {
        let decoded: ArticleEncoding.Decoded
        switch ArticleEncoding.decode(bytes) {
        case .success(let success): decoded = success
        case .failure(let rejection): return .failure(Self.skipped(file, rejection.reason))
        }
        let text = decoded.utf8
        let layout = MirrorArticleLayout(text)
        let head = VisibleText.of(layout.body[...], byteLimit: Self.datelineSearchBytes,
                                  textLimit: Self.datelineTextBytes, whitespace: .remove)
        if let rejection = Self.rejection(of: layout, head: head) {
            return .failure(Self.skipped(file, rejection.reason))
        }
        let dateline = DatelineParser.firstDateline(inText: head)
        let urlDate = layout.source.flatMap(DatelineParser.date(inURL:))
        var notes = decoded.repairs.map { Diagnostic(.note, stage: .read, file: file.path, $0) }
        var title = Self.title(layout.title, body: layout.body, id: file.id)
        if title.count > Self.maximumTitleLength {
            notes.append(Diagnostic(.warning, stage: .read, file: file.path,
                "title of \(title.count) characters cut to \(Self.maximumTitleLength)"))
            title = String(title.prefix(Self.maximumTitleLength - 1)) + "…"
        }
        let header = ArticleHeader(
            id: file.id,
            channel: file.channel,
            title: title,
            date: dateline.flatMap { DatelineParser.date(of: $0, near: urlDate) } ?? urlDate,
            source: layout.source,
            site: dateline?.site ?? layout.source.flatMap(LinkResolver.host(ofURL:)),
            files: [file.path]
        )
        return .success(Article(header: header, bodyHTML: String(decoding: layout.body, as: UTF8.self), notes: notes))
    }

    // MARK: - Parts

    /// The cleaned title line, else the start of the body's visible text, else the id: never empty.
    static func title(_ line: String?, body: [UInt8], id: String) -> String {
        if let line, let title = cleanTitle(line) { return title }
        let text = VisibleText.of(body[...], byteLimit: 16 * 1024, textLimit: 1024, whitespace: .collapse)
        let start = String(text.prefix(fallbackTitleLength)).trimmingCharacters(in: .whitespaces)
        if !start.isEmpty { return text.count > fallbackTitleLength ? start + "…" : start }
        return id.isEmpty ? "untitled" : id
    }

    /// A title line with entities decoded and whitespace (U+3000, no-break spaces) collapsed; nil if empty.
    static func cleanTitle(_ line: String) -> String? {
        let title = VisibleText.normalize(HTMLEntities.decode(line), whitespace: .collapse)
        return title.isEmpty ? nil : title
    }

    /// Why `layout` is not an article: no HTML at all (an index page), Markdown prose without title or
    /// source (a help page), or nothing to show. `head` is the visible text of the body's start.
    static func rejection(of layout: MirrorArticleLayout, head: String) -> NotAnArticle? {
        let body = layout.body
        guard hasTag(body) else {
            return NotAnArticle(reason: "not an article: no HTML body (an index, help page or link list?)")
        }
        if layout.title == nil, layout.source == nil, layout.hasProseHeadings {
            return NotAnArticle(reason: "not an article: a Markdown page (help page?) with no title or source line")
        }
        guard head.isEmpty else { return nil }
        let hasImage = MirrorLine.contains(body[...], "<img") || MirrorLine.contains(body[...], "<IMG")
        if !hasImage, VisibleText.of(body[...], whitespace: .remove).isEmpty {
            return NotAnArticle(reason: "not an article: the body has no text and no image")
        }
        return nil
    }

    /// Whether `body` holds at least one tag of an HTML element that carries article content (`<p`, `<div`,
    /// `<br`…): Markdown prose that merely mentions `<channel>` or `<id>` is not HTML.
    static func hasTag(_ body: [UInt8]) -> Bool {
        var i = 0
        while i + 1 < body.count {
            if body[i] == UInt8(ascii: "<"), let name = tagName(in: body, at: i + 1), contentTags.contains(name) {
                return true
            }
            i += 1
        }
        return false
    }

    private static let contentTags: Set<[UInt8]> = Set([
        "p", "div", "span", "br", "img", "a", "ok", "table", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
        "b", "strong", "em", "i", "u", "center", "font", "section", "article", "blockquote", "figure", "hr", "pre",
        "body", "html", "main",
    ].map { Array($0.utf8) })

    /// The lower-cased ASCII tag name starting at `start`, ended by space, `>` or `/`; nil if not a name.
    private static func tagName(in bytes: [UInt8], at start: Int) -> [UInt8]? {
        var name: [UInt8] = []
        var j = start
        while j < bytes.count, name.count <= 10 {
            let c = bytes[j] | 0x20
            let isLetterOrDigit = (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (bytes[j] >= 0x30 && bytes[j] <= 0x39)
            guard isLetterOrDigit else { break }
            name.append(c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") ? c : bytes[j])
            j += 1
        }
        guard !name.isEmpty, j < bytes.count, [UInt8(ascii: " "), UInt8(ascii: ">"), UInt8(ascii: "/"),
              UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(bytes[j]) else { return nil }
        return name
    }

    static func skipped(_ file: ArticleFile, _ reason: String) -> Diagnostic {
        Diagnostic(.warning, stage: .read, file: file.path, reason)
    }
}
