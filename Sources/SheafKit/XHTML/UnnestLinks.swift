/// A link inside a link is invalid HTML: the inner one is unwrapped, keeping its text.
struct UnnestLinks: HTMLRewriter {
    func rewrite(_ nodes: [HTMLNode]) -> [HTMLNode] {
        Self.unnest(nodes, insideLink: false)
    }

    private static func unnest(_ nodes: [HTMLNode], insideLink: Bool) -> [HTMLNode] {
        nodes.flatMap { node -> [HTMLNode] in
            guard let element = node.element else { return [node] }
            let isLink = element.name == "a"
            let children = unnest(element.children, insideLink: insideLink || isLink)
            return isLink && insideLink ? children : [.element(element.with(children: children))]
        }
    }
}
