import Foundation

/// Normalizes an article's HTML soup into the valid XHTML body of a chapter.
///
/// The body is parsed once, then passed through the ordered rewriters of `rewriters(source:)` and written
/// out block by block. The chapter template adds the title and the byline.
struct XHTMLWriter: Sendable {
    /// BCP 47 tag of the book (`zh`, `en`): chooses the wording of placeholders.
    var language: String
    /// The book's other chapters, for links between articles.
    var links: BookLinks
    var parser = HTMLDocumentParser()
    /// An offline image cache laid out by URL (`DIR/host/path`): remote images found there are embedded.
    var imageCache: String?
    /// The reader the book is made for: its image limits, and Kobo's sentence spans.
    var device = DeviceProfile.generic
    /// The article's images as bytes, by the `src` its HTML gives them (an in-memory article's): when set, these
    /// are its only local images, and no file is read (see `SuppliedImages`).
    var suppliedImages: [String: Data]? = nil

    /// A writer for a book in `language` whose chapters are `links` (none: links to other articles stay text).
    init(language: String, links: BookLinks = .none) {
        self.language = language
        self.links = links
    }

    /// The normalization steps, in order; `images` are the article's `data:` images, decoded.
    func rewriters(source: String?, channel: String = "", images: [String: DataImage] = [:],
                   policy: BodyPolicy = BodyPolicy()) -> [any HTMLRewriter] {
        let steps: [any HTMLRewriter] = [
            ReplaceMedia(language: language, source: source),
            RemoveFurniture(),
            RemoveNonContentImages(policy: policy),
            RewriteLinks(source: source, links: links, channel: channel, policy: policy),
            ReplaceImages(language: language, source: source, decoded: images),
            KeepKnownElements(),
            UniqueIdentifiers(),
            DemoteHeadings(),
            RepairContentModel(),
            UnnestLinks(),
            DropEmptyElements(),
            CollapseWhitespace(),
            ParagraphsAtTopLevel(),
            BreaksToParagraphs(),
            // The pieces of a split element each carried its id: the first keeps it.
            UniqueIdentifiers(repeats: .dropped),
        ]
        return device.koboSpans ? steps + [KoboSpans()] : steps
    }

    /// The chapter for `article`, with notes about repairs a user may want to know of.
    func chapter(for article: Article) -> (chapter: Chapter, diagnostics: [Diagnostic]) {
        let file = article.header.files.first ?? article.header.id
        var parsed = parser.parse(article.bodyHTML)
        var diagnostics: [Diagnostic] = []
        if let escaped = EscapedMarkup.markup(of: parsed.nodes) {
            parsed = parser.parse(escaped.html)
            diagnostics.append(Diagnostic(.note, stage: .normalize, file: file,
                "the body was HTML escaped as text (\(escaped.percent)% of it tags); read as HTML"))
        }
        let preparation = device.imagePreparation
        let local = suppliedImages.map { (found: SuppliedImages.lookupAll(in: parsed.nodes, images: $0,
                                                                         preparation: preparation), refused: [String]()) }
            ?? LocalImage.lookupAll(in: parsed.nodes, articleFile: article.base ?? file, root: article.policy.imageRoot,
                                    cache: imageCache,
                                    source: article.header.source, preparation: preparation)
        let images = DataImage.decodeAll(in: parsed.nodes, preparation: preparation).merging(local.found) { data, _ in data }
        let normalized = rewriters(source: article.header.source, channel: article.header.channel, images: images,
                                   policy: article.policy)
            .reduce(parsed.nodes) { nodes, rewriter in rewriter.rewrite(nodes) }
        let blocks = normalized.map(XHTMLSerializer.serialize)
        if parsed.flattenedElements > 0 {
            diagnostics.append(Diagnostic(.note, stage: .normalize, file: file,
                "\(parsed.flattenedElements) elements nested deeper than \(parser.maximumDepth) levels were flattened"))
        }
        if parsed.cutTags > 0 {
            diagnostics.append(Diagnostic(.warning, stage: .normalize, file: file,
                "\(parsed.cutTags) tags had more than \(parser.attributeLimit.maximum) attributes; the rest were dropped"))
        }
        if blocks.isEmpty {
            diagnostics.append(Diagnostic(.warning, stage: .normalize, file: file, "the article has no body text"))
        }
        for refused in local.refused.sorted() {
            diagnostics.append(Diagnostic(.warning, stage: .normalize, file: file,
                                          "image \(refused); not read, replaced by a placeholder"))
        }
        let problems = images.compactMap { source, image -> String? in
            guard case .unusable(let reason) = image else { return nil }
            return local.found[source] == nil ? "an embedded data: image \(reason)" : "image \(source) \(reason)"
        }
        for problem in problems.sorted() {
            diagnostics.append(Diagnostic(.warning, stage: .normalize, file: file,
                                          problem + "; replaced by a placeholder"))
        }
        let stored = Self.storedImages(in: normalized, decoded: images)
        return (Chapter(article: article.header, blocks: blocks, images: stored), diagnostics)
    }

    /// The pictures the normalized body still shows, each once, in order of first appearance.
    static func storedImages(in nodes: [HTMLNode], decoded: [String: DataImage]) -> [BookImage] {
        guard !decoded.isEmpty else { return [] }
        var bySource: [String: BookImage] = [:]
        for case .picture(let picture) in decoded.values { bySource[picture.chapterSource] = picture }
        var stored: [BookImage] = []
        var seen: Set<String> = []
        func visit(_ nodes: [HTMLNode]) {
            for case .element(let element) in nodes {
                if element.name == "img", let source = element.attributes["src"], let picture = bySource[source],
                   seen.insert(source).inserted {
                    stored.append(picture)
                }
                visit(element.children)
            }
        }
        visit(nodes)
        return stored
    }


    /// The normalized top-level blocks of a body, serialized.
    func body(of nodes: [HTMLNode], source: String?) -> [String] {
        let normalized = rewriters(source: source).reduce(nodes) { nodes, rewriter in rewriter.rewrite(nodes) }
        return normalized.map(XHTMLSerializer.serialize)
    }

    /// The normalized blocks of an HTML fragment (for tests and tools).
    func blocks(fromHTML html: String, source: String? = nil) -> [String] {
        body(of: parser.parse(html).nodes, source: source)
    }
}
