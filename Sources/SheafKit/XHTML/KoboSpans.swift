/// Wraps each sentence of the body in `<span class="koboSpan" id="kobo.P.S">` (P counts paragraphs, S the
/// sentences within one), and each picture in a span of its own, as Kobo's reading engine expects for its
/// progress, statistics and highlights — the markup kepubify and calibre's Kobo driver write.
///
/// Only spans are added: the text, in order, is exactly the text before. A sentence running across inline
/// markup gets a span in each piece. Ids already in the body are never reused.
struct KoboSpans: HTMLRewriter {
    static let className = "koboSpan"

    func rewrite(_ nodes: [HTMLNode]) -> [HTMLNode] {
        var counter = Counter(taken: Self.identifiers(in: nodes))
        return counter.visit(nodes)
    }

    /// Where Kobo starts a new paragraph number.
    static let paragraphs = HTMLVocabulary.phrasingBlocks.union(HTMLVocabulary.flowBlocks)

    /// Text that is only whitespace between blocks or list items gets no span: it shows nothing, and a span is
    /// not allowed everywhere such text is (inside `ul`, `tr`…).
    private struct Counter {
        var taken: Set<String>
        var paragraph = 0
        var sentence = 0

        mutating func visit(_ nodes: [HTMLNode]) -> [HTMLNode] {
            nodes.flatMap { node -> [HTMLNode] in
                switch node {
                case .text(let text):
                    return spans(text)
                case .element(let element) where element.name == "img":
                    return [span([node])]
                case .element(let element) where element.attributes["class"] == KoboSpans.className:
                    return [node]
                case .element(let element):
                    if KoboSpans.paragraphs.contains(element.name) { startParagraph() }
                    return [.element(element.with(children: visit(element.children)))]
                }
            }
        }

        private mutating func spans(_ text: String) -> [HTMLNode] {
            guard !text.unicodeScalars.allSatisfy(HTMLVocabulary.isBlank) else { return [.text(text)] }
            return SentenceSplitter.sentences(in: text).map { piece in
                piece.unicodeScalars.allSatisfy(HTMLVocabulary.isBlank) ? .text(piece) : span([.text(piece)])
            }
        }

        private mutating func startParagraph() {
            paragraph += 1
            sentence = 0
        }

        private mutating func span(_ children: [HTMLNode]) -> HTMLNode {
            if paragraph == 0 { startParagraph() }
            var id: String
            repeat {
                sentence += 1
                id = "kobo.\(paragraph).\(sentence)"
            } while !taken.insert(id).inserted
            return .element("span", ["class": KoboSpans.className, "id": id], children)
        }
    }

    private static func identifiers(in nodes: [HTMLNode]) -> Set<String> {
        var found: Set<String> = []
        func visit(_ nodes: [HTMLNode]) {
            for case .element(let element) in nodes {
                if let id = element.attributes["id"] { found.insert(id) }
                visit(element.children)
            }
        }
        visit(nodes)
        return found
    }
}
