/// How the article is found in saved web pages: by Sheaf's extractor or the page whole (`mode`), helped by simple
/// CSS selectors of what to keep and what to remove — for every page, and per site.
///
/// As calibre's `keep_only_tags` and `remove_tags`: with `keep`, the article is what the selectors match, in the
/// page's order; `remove` drops what they match before the article is looked for (and from what `keep` kept).
public struct PageExtraction: Sendable, Hashable, Codable {
    /// Whether the article is looked for.
    public enum Mode: String, Sendable, Hashable, Codable, CaseIterable {
        /// The extractor finds the article among the page's furniture (the default).
        case auto
        /// The page's whole body is packaged, normalized: for pages known to be clean.
        case off
    }

    /// The rules of one site, or of every page.
    public struct Rules: Sendable, Hashable, Codable {
        /// Nil: the mode of the rules under these (for every page: `auto`).
        public var mode: Mode?
        /// Selectors of the article's parts; empty lets the mode decide.
        public var keep: [String]
        /// Selectors of what is never the article.
        public var remove: [String]

        /// Rules as given; by default none (the mode of the rules under them, no selectors).
        public init(mode: Mode? = nil, keep: [String] = [], remove: [String] = []) {
            self.mode = mode
            self.keep = keep
            self.remove = remove
        }
    }

    /// The rules for every page.
    public var all: Rules
    /// Rules by site: a host name (`example.com`), which covers its subdomains (`news.example.com`) too.
    public var sites: [String: Rules]

    /// The default: the extractor, no selectors.
    public init(all: Rules = Rules(), sites: [String: Rules] = [:]) {
        self.all = all
        self.sites = sites
    }

    /// The rules for a page of `host`: its site's (the longest host that covers it) over those for every page.
    /// A site's `keep` and `remove` add to the general ones.
    func rules(forHost host: String?) -> Rules {
        let lower = host?.lowercased() ?? ""
        let site = sites.keys.filter { key in
            let key = key.lowercased()
            return lower == key || lower.hasSuffix("." + key)
        }.max { $0.count < $1.count }.flatMap { sites[$0] }
        guard let site else { return all }
        return Rules(mode: site.mode ?? all.mode, keep: all.keep + site.keep, remove: all.remove + site.remove)
    }

    /// Every selector checked; the error names the first that cannot be read.
    public func check() throws {
        for selector in ([all] + sites.values).flatMap({ $0.keep + $0.remove }) { _ = try PageSelector(selector) }
    }

    /// Whether these are the defaults (no selector, the extractor on).
    var isDefault: Bool { self == PageExtraction() }
}
