/// Content-model repair for figures: a `figure` holds at most one `figcaption`, as its first or last child;
/// any other caption, and every caption outside a figure, becomes a plain division keeping its text.
enum FigureRepair {
    /// The figure with one caption at most, at an edge.
    static func figure(_ figure: HTMLElement) -> HTMLElement {
        // Line breaks at the edges go later (`DropEmptyElements`): they don't make a caption inner.
        let visible = figure.children.indices.filter {
            !figure.children[$0].isWhitespaceText && figure.children[$0].element?.name != "br"
        }
        let kept = [visible.first, visible.last].compactMap { $0 }.first { figure.children[$0].element?.name == "figcaption" }
        let children = figure.children.indices.map { index -> HTMLNode in
            guard index != kept, case .element(let element) = figure.children[index], element.name == "figcaption" else {
                return figure.children[index]
            }
            return .element(element.renamed("div"))
        }
        return figure.with(children: children)
    }

    /// The nodes with every `figcaption` turned into a division, unless their parent is a figure.
    static func strayCaptions(_ nodes: [HTMLNode], parent: String?) -> [HTMLNode] {
        guard parent != "figure" else { return nodes }
        return nodes.map { node in
            guard case .element(let element) = node, element.name == "figcaption" else { return node }
            return .element(element.renamed("div"))
        }
    }
}
