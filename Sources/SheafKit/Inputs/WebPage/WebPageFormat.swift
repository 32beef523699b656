import Foundation

/// Saved web pages: `.html`, `.htm` and `.xhtml` files (also gzip-compressed, `.html.gz`) and MHTML pages (`.mht`,
/// `.mhtml`), one article per page, as a browser's "Save Page As", the SingleFile extension or a `wget` mirror wrote
/// them. The page's metadata names the article (`PageMetadata`), and `ArticleExtractor` finds it among the page's
/// menus, asides and notices. Pictures an MHTML page (or a web archive, `WARCFormat`) holds are embedded.
struct WebPageFormat: InputFormat {
    let name = "webpage"

    /// File name extensions of saved pages (compared in lower case).
    static let pageExtensions: Set<String> = ["html", "htm", "xhtml", "mht", "mhtml"]
    /// Pages larger than this are skipped unread (a saved page with its pictures inline can be large).
    static let maximumFileBytes = 32 * 1024 * 1024

    var extractor = ArticleExtractor()
    var parser = HTMLDocumentParser(keepsHead: true)
    /// How the article is found in each page: the extractor, the page whole, and selectors per site.
    var extraction = PageExtraction()

    init(extraction: PageExtraction = PageExtraction()) {
        self.extraction = extraction
    }

    // MARK: - Recognising

    func recognises(name: String, firstBytes: [UInt8]?) -> InputRecognition {
        let lower = name.lowercased()
        let plain = lower.hasSuffix(".gz") ? String(lower.dropLast(3)) : lower
        if let dot = plain.lastIndex(of: "."), Self.pageExtensions.contains(String(plain[plain.index(after: dot)...])) {
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
        // A mirror's pictures may be in any folder of its host's; a saved page's are beside it or in `Page_files/`.
        BodyPolicy(imageRoot: SavedPage.mirrorRoot(ofFile: path) ?? InputPath.parent(InputPath.absolute(path)))
    }

    /// The page at `path` read, its article found: header, body and what extraction kept.
    func read(_ path: String) -> Result<(article: Article, extracted: ArticleExtractor.Extracted), Diagnostic> {
        var bytes: [UInt8]
        switch InputPath.contents(of: path, limit: Self.maximumFileBytes) {
        case .bytes(let read): bytes = read
        case .notRegular: return .failure(Self.skipped(path, "not a regular file (a FIFO, device or socket?)"))
        case .tooLarge(let size):
            return .failure(Self.skipped(path, "too large: \(size / 1_048_576) MB; the limit is "
                + "\(Self.maximumFileBytes / 1_048_576) MB per page"))
        case .unreadable(let reason): return .failure(Self.skipped(path, "cannot read file: \(reason)"))
        }
        let lower = path.lowercased()
        let plain = lower.hasSuffix(".gz") ? String(lower.dropLast(3)) : lower
        var notes: [String] = []
        if lower.hasSuffix(".gz") {
            let inflated = GzipStream.decompress(bytes, limit: WebArchiveLimits.pageBytes)
            switch inflated.problem {
            case nil: bytes = inflated.bytes
            case .notCompressed?: notes.append("not gzip data despite its name; read as it is")
            case .tooLarge?: return .failure(Self.skipped(path, "\(inflated.problem!): over the limit for a page"))
            case let problem? where inflated.bytes.isEmpty: return .failure(Self.skipped(path, "\(problem)"))
            case let problem?:
                bytes = inflated.bytes
                notes.append("\(problem); the \(inflated.bytes.count) bytes before it were read")
            }
        }
        if plain.hasSuffix(".mht") || plain.hasSuffix(".mhtml") {
            switch MHTMLDocument.read(bytes) {
            case .failure(let problem): return .failure(Self.skipped(path, problem.reason))
            case .success(let document):
                let resources = document.resources
                return read(bytes: document.root, path: path, url: document.rootLocation, charset: document.rootCharset,
                            notes: notes + document.notes) { address in
                    resources[address].map { EmbeddedResource(mediaType: $0.mediaType, bytes: $0.bytes) }
                }
            }
        }
        return read(bytes: bytes, path: path, notes: notes)
    }

    /// A picture or other file that came with a page, in its web archive or MHTML file.
    struct EmbeddedResource: Sendable {
        var mediaType: String
        var bytes: [UInt8]
    }

    /// The page `bytes` (read from `path`, or from an archive naming it so), its article found. `url` is the
    /// page's address when the container knows it (a web archive's record); `charset` the encoding it recorded.
    /// `notes` are what the container repaired; `resources` finds the pictures that came with the page by their
    /// address (as written, or resolved against the page's).
    func read(bytes: [UInt8], path: String, url givenURL: String? = nil, charset: String? = nil, notes given: [String] = [],
              resources: ((String) -> EmbeddedResource?)? = nil)
        -> Result<(article: Article, extracted: ArticleExtractor.Extracted), Diagnostic> {
        let decoded: ArticleEncoding.Decoded
        switch PageEncoding.decode(bytes, declared: charset) {
        case .success(let success): decoded = success
        case .failure(let rejection): return .failure(Self.skipped(path, rejection.reason))
        }
        let saved = SavedPage.facts(in: decoded.utf8)
        let page = parser.parse(String(decoding: decoded.utf8, as: UTF8.self)).nodes
        let metadata = PageMetadata.read(page)
        if let redirect = Self.redirectTarget(page, metadata: metadata) {
            return .failure(Self.skipped(path, "not an article: the page only redirects to \(redirect)"))
        }
        let url = metadata.canonicalURL ?? givenURL ?? saved.url ?? SavedPage.url(ofMirroredFile: path)
        let rules = extraction.rules(forHost: url.flatMap(LinkResolver.host(ofURL:)))
        var notes = (given + decoded.repairs).map { Diagnostic(.note, stage: .read, file: path, $0) }
        var extracted = extract(Self.body(of: page), title: metadata.title, rules: rules, path: path, notes: &notes)
        guard extracted.characters > 0 || Self.imageCount(extracted.nodes) > 0 else {
            let frames = Self.frameSources(page)
            return .failure(Self.skipped(path, frames.isEmpty ? "not an article: the page holds no text"
                : "not an article: the page is only a frameset (of \(frames.joined(separator: ", ")))"))
        }
        var date = metadata.date ?? url.flatMap(DatelineParser.date(inURL:))
        if date == nil, let savedDay = saved.date {
            date = savedDay
            notes.append(Diagnostic(.note, stage: .read, file: path,
                                    "dated \(savedDay), the day the page was saved: the page gives no date of its own"))
        }
        var header = ArticleHeader(
            id: InputPath.stem(of: path),
            channel: InputPath.folderName(of: path),
            title: metadata.title ?? InputPath.stem(of: path),
            date: date,
            source: url,
            site: metadata.site ?? url.flatMap(LinkResolver.host(ofURL:)),
            files: [path])
        header.authors = (metadata.authors.isEmpty
            ? extracted.byline.map { [Self.authorName($0)] } ?? [] : metadata.authors).filter { !$0.trimmed.isEmpty }
        header.language = metadata.language
        header.folder = header.channel
        header.kept = KeptContent(characters: extracted.characters, images: Self.imageCount(extracted.nodes))
        if let doubt = extracted.doubt {
            notes.append(Diagnostic(.note, stage: .read, file: path, "the article found is uncertain: \(doubt)"))
        }
        if let resources {
            extracted.nodes = Self.embeddingImages(extracted.nodes, resources: resources, base: url)
        }
        let html = extracted.nodes.map(XHTMLSerializer.serialize).joined()
        return .success((Article(header: header, bodyHTML: html, notes: notes), extracted))
    }

    /// The article of a page's `body` by the page's `rules`: what `keep` selects, or the whole body (`off`), or
    /// what the extractor finds; what `remove` selects is never in it.
    func extract(_ body: [HTMLNode], title: String?, rules: PageExtraction.Rules, path: String,
                 notes: inout [Diagnostic]) -> ArticleExtractor.Extracted {
        // Selectors were checked when the options were read: one that fails here is passed over.
        let remove = rules.remove.compactMap { try? PageSelector($0) }
        let keep = rules.keep.compactMap { try? PageSelector($0) }
        var nodes = PageSelector.removing(remove, from: LazyImages.resolve(body)).nodes
        if !keep.isEmpty {
            let kept = PageSelector.kept(by: keep, in: nodes)
            if !kept.isEmpty {
                return ArticleExtractor.Extracted(nodes: kept, characters: Self.visibleCharacters(kept))
            }
            notes.append(Diagnostic(.note, stage: .read, file: path, "no element matches the keep selectors "
                + rules.keep.joined(separator: ", ") + "; the article was looked for as on any page"))
        }
        if rules.mode == .off {
            nodes = nodes.filter { node in node.element.map { !ArticleExtractor.furnitureNames.contains($0.name) } ?? true }
            return ArticleExtractor.Extracted(nodes: nodes, characters: Self.visibleCharacters(nodes))
        }
        return extractor.extract(nodes, title: title)
    }

    /// `nodes` with each picture the page came with (found by `resources`) inline as a `data:` URI, so that the
    /// chapter holds it with no network and no other file.
    static func embeddingImages(_ nodes: [HTMLNode], resources: (String) -> EmbeddedResource?, base: String?) -> [HTMLNode] {
        let resolver = LinkResolver(source: base)
        return nodes.map { node in
            guard case .element(var element) = node else { return node }
            if element.name == "img", let source = element.attributes["src"], !DataURI.isDataURI(source) {
                let trimmed = source.trimmingCharacters(in: .whitespaces)
                let found = resources(trimmed) ?? resolver.resolve(trimmed).flatMap(resources)
                if let found, found.mediaType.hasPrefix("image/") {
                    element.attributes["src"] = "data:\(found.mediaType);base64," + Data(found.bytes).base64EncodedString()
                    element.attributes["srcset"] = nil
                }
            }
            element.children = embeddingImages(element.children, resources: resources, base: base)
            return .element(element)
        }
    }

    /// Characters of visible text under `nodes`, whitespace not counted.
    static func visibleCharacters(_ nodes: [HTMLNode]) -> Int {
        nodes.reduce(0) { total, node in
            switch node {
            case .text(let text): return total + text.unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) }
            case .element(let element):
                return ["script", "style", "template"].contains(element.name) ? total : total + visibleCharacters(element.children)
            }
        }
    }

    /// Pictures under `nodes`: `img` elements with an address.
    static func imageCount(_ nodes: [HTMLNode]) -> Int {
        nodes.reduce(0) { total, node in
            guard case .element(let element) = node else { return total }
            let own = element.name == "img" && !(element.attributes["src"] ?? "").isEmpty ? 1 : 0
            return total + own + imageCount(element.children)
        }
    }

    /// Where a page that only redirects sends its reader (`<meta http-equiv="refresh" content="0; url=…">` with
    /// almost no text); nil for any other page.
    static func redirectTarget(_ page: [HTMLNode], metadata: PageMetadata) -> String? {
        var target: String?
        func visit(_ nodes: [HTMLNode]) {
            for case .element(let element) in nodes where target == nil {
                if element.name == "meta", element.attributes["http-equiv"]?.lowercased() == "refresh",
                   let content = element.attributes["content"], let range = content.range(of: "url=", options: .caseInsensitive) {
                    target = content[range.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: " '\""))
                }
                visit(element.children)
            }
        }
        visit(page)
        guard let target, !target.isEmpty, visibleCharacters(body(of: page)) < 200 else { return nil }
        return target
    }

    /// The addresses of a frameset's frames.
    static func frameSources(_ page: [HTMLNode]) -> [String] {
        var found: [String] = []
        func visit(_ nodes: [HTMLNode]) {
            for case .element(let element) in nodes {
                if element.name == "frame" || element.name == "iframe", let source = element.attributes["src"] {
                    found.append(source)
                }
                visit(element.children)
            }
        }
        visit(page)
        return found
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
