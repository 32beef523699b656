/// One step of normalization: takes a body's top-level nodes and returns them rewritten.
///
/// Steps are small values composed in order by `XHTMLWriter`; each does one thing and is tested alone.
protocol HTMLRewriter: Sendable {
    func rewrite(_ nodes: [HTMLNode]) -> [HTMLNode]
}

extension Array where Element == HTMLNode {
    /// Rewrites every element bottom-up: `transform` receives an element whose children are already
    /// rewritten and returns the nodes that replace it (none to delete it, its children to unwrap it).
    func rewritingElements(_ transform: (HTMLElement) -> [HTMLNode]) -> [HTMLNode] {
        var result: [HTMLNode] = []
        result.reserveCapacity(count)
        for node in self {
            switch node {
            case .text:
                result.append(node)
            case .element(let element):
                let children = element.children.rewritingElements(transform)
                result.append(contentsOf: transform(element.with(children: children)))
            }
        }
        return result
    }

    /// Whether these nodes hold nothing a reader would see: only whitespace text and line breaks.
    var isBlank: Bool {
        allSatisfy { node in
            switch node {
            case .text(let text): return text.unicodeScalars.allSatisfy(HTMLVocabulary.isBlank)
            case .element(let element): return element.name == "br" || (!HTMLVocabulary.visibleVoids.contains(element.name)
                && !HTMLVocabulary.tableCells.contains(element.name) && element.children.isBlank)
            }
        }
    }
}
