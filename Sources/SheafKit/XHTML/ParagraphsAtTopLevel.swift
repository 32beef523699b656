/// Makes the body a flat sequence of blocks the assembler can split between: wrapper `div`s at the top are
/// dissolved (their content becomes top-level blocks; a wrapper's `id` goes with it) and loose inline content
/// is wrapped in `<p>`.
struct ParagraphsAtTopLevel: HTMLRewriter {
    func rewrite(_ nodes: [HTMLNode]) -> [HTMLNode] {
        var blocks: [HTMLNode] = []
        var run: [HTMLNode] = []
        Self.collect(nodes, into: &blocks, run: &run)
        Self.flush(&run, into: &blocks)
        return blocks
    }

    private static func collect(_ nodes: [HTMLNode], into blocks: inout [HTMLNode], run: inout [HTMLNode]) {
        for node in nodes {
            if HTMLVocabulary.isPhrasing(node) {
                run.append(node)
            } else if let element = node.element, element.name == "div", element.attributes.keys.allSatisfy({ $0 == "id" }) {
                // A division's edges are paragraph breaks: its text must not run into its neighbours'.
                flush(&run, into: &blocks)
                collect(element.children, into: &blocks, run: &run)
                flush(&run, into: &blocks)
            } else {
                flush(&run, into: &blocks)
                blocks.append(node)
            }
        }
    }

    private static func flush(_ run: inout [HTMLNode], into blocks: inout [HTMLNode]) {
        defer { run = [] }
        let content = DropEmptyElements.trimmingBreaks(run)
        guard !content.isBlank else { return }
        blocks.append(.element("p", [:], trimmedText(content)))
    }

    /// Removes the spaces a run may have at its edges after wrapper divs were dissolved around it.
    private static func trimmedText(_ nodes: [HTMLNode]) -> [HTMLNode] {
        var nodes = nodes
        // A text whose edge byte is not a space has no space character there: it is kept as it is, uncopied.
        if case .text(let text)? = nodes.first, text.utf8.first == UInt8(ascii: " ") {
            nodes[0] = .text(String(text.drop(while: { $0 == " " })))
        }
        if case .text(let text)? = nodes.last, text.utf8.last == UInt8(ascii: " ") {
            let end = text.lastIndex(where: { $0 != " " }).map(text.index(after:)) ?? text.startIndex
            nodes[nodes.count - 1] = .text(String(text[..<end]))
        }
        return nodes.filter { $0 != .text("") }
    }
}
