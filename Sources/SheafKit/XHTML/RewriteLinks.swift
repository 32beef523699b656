/// Turns every kind of link in the soup (`<ok href>`, `<span href>`, `<a href>`) into `<a href>` with a
/// usable address, or into its bare content when the address cannot be kept.
struct RewriteLinks: HTMLRewriter {
    var resolver: LinkResolver

    init(source: String?) {
        resolver = LinkResolver(source: source)
    }

    /// Elements the mirror generators use for links.
    static let linkNames: Set<String> = ["a", "ok", "span"]

    func rewrite(_ nodes: [HTMLNode]) -> [HTMLNode] {
        nodes.rewritingElements { element in
            guard Self.linkNames.contains(element.name) else { return [.element(element)] }
            guard let href = element.attributes["href"] else {
                return element.name == "span" ? [.element(element)] : element.children
            }
            guard let target = resolver.resolve(href) else { return element.children }
            return [.element("a", ["href": target], element.children)]
        }
    }
}
