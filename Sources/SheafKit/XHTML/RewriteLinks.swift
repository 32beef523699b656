/// Turns every kind of link in the soup (`<ok href>`, `<span href>`, `<a href>`) into `<a href>` with a
/// usable address, or into its bare content when the address cannot be kept.
///
/// A link to another article of the same book, by its page in the input (as the format's policy says such
/// links look) or its original URL, leads to that article's chapter (`c0002.xhtml`) instead. A relative link
/// to a page the book does not hold goes: it means nothing on the source site.
struct RewriteLinks: HTMLRewriter {
    var resolver: LinkResolver
    var links: BookLinks
    /// The linking article's folder, for page links that name only a file (`412985.md`).
    var channel: String
    /// How the article's format links its pages.
    var policy: BodyPolicy

    init(source: String?, links: BookLinks = .none, channel: String = "", policy: BodyPolicy = BodyPolicy()) {
        resolver = LinkResolver(source: source)
        self.links = links
        self.channel = channel
        self.policy = policy
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
        if let chapter = links.chapter(forPageLink: href, channel: channel, policy: policy) { return chapter }
        let unbroken = LinkResolver.unbroken(href)
        if policy.isPageLink(unbroken), LinkResolver.isRelativePath(unbroken) { return nil }
        guard let address = resolver.resolve(href) else { return nil }
        return links.chapter(forURL: address) ?? address
    }
}
