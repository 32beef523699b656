import Foundation

/// Saved web pages: `.html`, `.htm` and `.xhtml` files, one article per page, as a browser's "Save Page As", the
/// SingleFile extension or a `wget` mirror wrote them. The page's metadata names the article (`PageMetadata`),
/// and `ArticleExtractor` finds it among the page's menus, asides and notices.
struct WebPageFormat: InputFormat {
    let name = "webpage"

    /// File name extensions of saved pages (compared in lower case).
    static let pageExtensions: Set<String> = ["html", "htm", "xhtml"]
    /// Pages larger than this are skipped unread (a saved page with its pictures inline can be large).
    static let maximumFileBytes = 32 * 1024 * 1024

    var extractor = ArticleExtractor()
    var parser = HTMLDocumentParser(keepsHead: true)

    init() {}

    // MARK: - Recognising

    func recognises(name: String, firstBytes: [UInt8]?) -> InputRecognition {
        let lower = name.lowercased()
        if let dot = lower.lastIndex(of: "."), Self.pageExtensions.contains(String(lower[lower.index(after: dot)...])) {
            return .articles
        }
        guard let firstBytes else { return .unknown }
        return Self.looksLikeDocument(firstBytes) ? .articles : .unknown
    }

    /// Text opening with `<!doctype html` or `<html` (after a BOM, whitespace and comments).
    static func looksLikeDocument(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        var rest = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        while rest.hasPrefix("<!--"), let end = rest.range(of: "-->") {
            rest = rest[end.upperBound...].drop(while: \.isWhitespace)
        }
        return rest.hasPrefix("<!doctype html") || rest.hasPrefix("<html")
    }

    func articleFolder(among names: [String]) -> String? { nil }

    /// A "Save Page As, complete" page's `Page_files/` folder holds its pictures, not pages.
    func skipsFolder(named name: String) -> Bool { name.hasSuffix("_files") }

    // MARK: - Reading

    func readArticles(in path: String, each: (Result<Article, Diagnostic>) -> Void) {
        each(read(path).map(\.article))
    }

    func loadBody(_ reference: EntryReference) -> Result<ArticleBody, Diagnostic> {
        read(reference.file).map { read in
            ArticleBody(html: read.article.bodyHTML, base: reference.file, policy: bodyPolicy(ofFile: reference.file))
        }
    }

    func bodyPolicy(ofFile path: String) -> BodyPolicy {
        BodyPolicy(imageRoot: InputPath.parent(InputPath.absolute(path)))
    }

    /// The page at `path` read, its article found: header, body and what extraction kept.
    func read(_ path: String) -> Result<(article: Article, extracted: ArticleExtractor.Extracted), Diagnostic> {
        let bytes: [UInt8]
        switch InputPath.contents(of: path, limit: Self.maximumFileBytes) {
        case .bytes(let read): bytes = read
        case .notRegular: return .failure(Self.skipped(path, "not a regular file (a FIFO, device or socket?)"))
        case .tooLarge(let size):
            return .failure(Self.skipped(path, "too large: \(size / 1_048_576) MB; the limit is "
                + "\(Self.maximumFileBytes / 1_048_576) MB per page"))
        case .unreadable(let reason): return .failure(Self.skipped(path, "cannot read file: \(reason)"))
        }
        let decoded: ArticleEncoding.Decoded
        switch ArticleEncoding.decode(bytes) {
        case .success(let success): decoded = success
        case .failure(let rejection): return .failure(Self.skipped(path, rejection.reason))
        }
        let page = parser.parse(String(decoding: decoded.utf8, as: UTF8.self)).nodes
        let metadata = PageMetadata.read(page)
        let extracted = extractor.extract(Self.body(of: page), title: metadata.title)
        guard extracted.characters > 0 || !extracted.nodes.isEmpty else {
            return .failure(Self.skipped(path, "not an article: the page holds no text"))
        }
        let url = metadata.canonicalURL
        let header = {
            var header = ArticleHeader(
                id: InputPath.stem(of: path),
                channel: InputPath.folderName(of: path),
                title: metadata.title ?? InputPath.stem(of: path),
                date: metadata.date ?? url.flatMap(DatelineParser.date(inURL:)),
                source: url,
                site: metadata.site ?? url.flatMap(LinkResolver.host(ofURL:)),
                files: [path])
            header.authors = metadata.authors.isEmpty
                ? extracted.byline.map { [Self.authorName($0)] } ?? [] : metadata.authors
            header.language = metadata.language
            header.folder = header.channel
            return header
        }()
        var notes = decoded.repairs.map { Diagnostic(.note, stage: .read, file: path, $0) }
        if let doubt = extracted.doubt {
            notes.append(Diagnostic(.note, stage: .read, file: path, "the article found is uncertain: \(doubt)"))
        }
        let html = extracted.nodes.map(XHTMLSerializer.serialize).joined()
        return .success((Article(header: header, bodyHTML: html, notes: notes), extracted))
    }

    /// A byline's words without a leading "By" (`By Ann Lee` → `Ann Lee`).
    static func authorName(_ byline: String) -> String {
        let words = byline.split(separator: " ", maxSplits: 1)
        var name = words.count == 2 && words[0].lowercased() == "by" ? String(words[1]) : byline
        // A dash after the name starts the date or the role (`Dan Goodin - Apr 16, 2015`, `Nicolas Perriault —`).
        for dash in [" - ", " — ", " – "] {
            if let range = name.range(of: dash) { name = String(name[..<range.lowerBound]) }
        }
        return name.trimmingCharacters(in: CharacterSet(charactersIn: " —–-"))
    }

    /// The children of the page's `body` (the page itself when it has none).
    static func body(of page: [HTMLNode]) -> [HTMLNode] {
        for node in page {
            guard case .element(let element) = node else { continue }
            if element.name == "body" { return element.children }
            if element.name == "html" { return body(of: element.children) }
        }
        return page.filter { $0.element?.name != "head" }
    }

    static func skipped(_ path: String, _ reason: String) -> Diagnostic {
        Diagnostic(.warning, stage: .read, file: path, reason)
    }

    // MARK: - Collections

    /// Saved pages are filed in no collection: a folder of them groups by folder.
    func collectionName(ofFile path: String) -> String? { nil }
    func collectionRoot(ofFile path: String) -> String? { nil }
    func collectionName(around path: String) -> String? { nil }
    func indexes(ofCollectionAt root: String) -> (indexes: [IndexListing], problems: [Diagnostic]) { ([], []) }
    func indexFile(named name: String, inCollectionAt root: String) -> String { InputPath.join(root, name + ".html") }
}
