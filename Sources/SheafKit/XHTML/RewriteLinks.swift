/// Turns every kind of link in the soup (`<ok href>`, `<span href>`, `<a href>`) into `<a href>` with a
/// usable address, or into its bare content when the address cannot be kept.
///
/// A link to another article of the same book, by its mirror page or its original URL, leads to that
/// article's chapter (`c0002.xhtml`) instead.
struct RewriteLinks: HTMLRewriter {
    var resolver: LinkResolver
    var links: BookLinks
    /// The linking article's channel, for mirror links that name only a page (`412985.md`).
    var channel: String

    init(source: String?, links: BookLinks = .none, channel: String = "") {
        resolver = LinkResolver(source: source)
        self.links = links
        self.channel = channel
    }

    /// Elements the mirror generators use for links.
    static let linkNames: Set<String> = ["a", "ok", "span"]

    func rewrite(_ nodes: [HTMLNode]) -> [HTMLNode] {
        nodes.rewritingElements { element in
            guard Self.linkNames.contains(element.name) else { return [.element(element)] }
            guard let href = element.attributes["href"] else {
                return element.name == "span" ? [.element(element)] : element.children
            }
            guard let target = target(of: href) else { return element.children }
            return [.element("a", ["href": target], element.children)]
        }
    }

    /// A chapter of this book, else the resolved address; nil when the link must go.
    func target(of href: String) -> String? {
        if let chapter = links.chapter(forMirrorLink: href, channel: channel) { return chapter }
        guard let address = resolver.resolve(href) else { return nil }
        return links.chapter(forURL: address) ?? address
    }
}
