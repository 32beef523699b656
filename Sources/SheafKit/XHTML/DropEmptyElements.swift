/// Removes elements that show nothing (whitespace, `&nbsp;`, only `<br>`), and line breaks at the start or
/// end of a block. An emptied inline element leaves a space behind so that words stay apart.
struct DropEmptyElements: HTMLRewriter {
    /// Blocks whose leading and trailing `<br>`s are meaningless.
    static let trimmedBlocks: Set<String> = HTMLVocabulary.phrasingBlocks.union(HTMLVocabulary.flowBlocks)

    func rewrite(_ nodes: [HTMLNode]) -> [HTMLNode] {
        Self.trimmingBreaks(nodes.rewritingElements(Self.drop))
    }

    static func drop(_ element: HTMLElement) -> [HTMLNode] {
        switch element.name {
        case "br", "hr", "img", "td", "th":
            return [.element(element)]
        case "tr":
            let cells = element.children.compactMap(\.element)
            return cells.allSatisfy { $0.children.isBlank } ? [] : [.element(element)]
        case "thead", "tbody", "tfoot", "table":
            return containsRow(element) ? [.element(element)] : []
        default:
            guard showsNothing(element.children) else {
                let element = trimmedBlocks.contains(element.name)
                    ? element.with(children: trimmingBreaks(element.children)) : element
                return [.element(element)]
            }
            return element.children.isEmpty ? [] : [.text(" ")]
        }
    }

    /// No visible text, no rule, no table.
    static func showsNothing(_ nodes: [HTMLNode]) -> Bool {
        nodes.allSatisfy { node in
            switch node {
            case .text(let text): return text.unicodeScalars.allSatisfy(HTMLVocabulary.isBlank)
            case .element(let element):
                return !HTMLVocabulary.visibleVoids.contains(element.name) && element.name != "table"
                    && showsNothing(element.children)
            }
        }
    }

    private static func containsRow(_ element: HTMLElement) -> Bool {
        element.children.contains { child in
            guard let child = child.element else { return false }
            return child.name == "tr" || (HTMLVocabulary.tableSections.contains(child.name) && containsRow(child))
        }
    }

    /// The nodes without `<br>`s (and the blank text around them) at either end.
    static func trimmingBreaks(_ nodes: [HTMLNode]) -> [HTMLNode] {
        func isBreakOrBlank(_ node: HTMLNode) -> Bool {
            node.element?.name == "br" || node.isWhitespaceText
        }
        guard nodes.contains(where: { $0.element?.name == "br" }) else { return nodes }
        var start = nodes.startIndex
        var end = nodes.endIndex
        while start < end, isBreakOrBlank(nodes[start]) { start += 1 }
        while end > start, isBreakOrBlank(nodes[end - 1]) { end -= 1 }
        return Array(nodes[start..<end])
    }
}
