/// Normalizes an article's HTML soup into the valid XHTML body of a chapter.
///
/// The body is parsed once, then passed through the ordered rewriters of `rewriters(source:)` and written
/// out block by block. The chapter template adds the title and the byline.
public struct XHTMLWriter: Sendable {
    /// BCP 47 tag of the book (`zh`, `en`): chooses the wording of placeholders.
    public var language: String
    var parser = HTMLDocumentParser()

    /// A writer for a book in `language`.
    public init(language: String) {
        self.language = language
    }

    /// The normalization steps, in order.
    func rewriters(source: String?) -> [any HTMLRewriter] {
        [
            RemoveFurniture(),
            RemoveNonContentImages(),
            RewriteLinks(source: source),
            ReplaceImages(language: language),
            KeepKnownElements(),
            UniqueIdentifiers(),
            DemoteHeadings(),
            RepairContentModel(),
            UnnestLinks(),
            DropEmptyElements(),
            CollapseWhitespace(),
            ParagraphsAtTopLevel(),
            BreaksToParagraphs(),
        ]
    }

    /// The chapter for `article`, with notes about repairs a user may want to know of.
    public func chapter(for article: Article) -> (chapter: Chapter, diagnostics: [Diagnostic]) {
        let file = article.header.files.first ?? article.header.id
        let parsed = parser.parse(article.bodyHTML)
        let blocks = body(of: parsed.nodes, source: article.header.source)
        var diagnostics: [Diagnostic] = []
        if parsed.flattenedElements > 0 {
            diagnostics.append(Diagnostic(.note, stage: .normalize, file: file,
                "\(parsed.flattenedElements) elements nested deeper than \(parser.maximumDepth) levels were flattened"))
        }
        if blocks.isEmpty {
            diagnostics.append(Diagnostic(.warning, stage: .normalize, file: file, "the article has no body text"))
        }
        return (Chapter(article: article.header, blocks: blocks), diagnostics)
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
