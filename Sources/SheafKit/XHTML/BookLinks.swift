import Foundation

/// Where links between the articles of one book lead: each article's chapter file, found by the article's
/// page in its input (`<channel>/<id>`, the mirror's `pages/<channel>/<id>.md`) or by its original URL.
///
/// Built once per volume, before its articles are normalized, so that every chapter can point at any other.
struct BookLinks: Sendable, Equatable {
    /// Chapter file names (`c0002.xhtml`) by `channel/id`.
    private var pages: [String: String] = [:]
    /// Chapter file names by source-URL key (see `Deduplicator.sourceKey`).
    private var sources: [String: String] = [:]

    /// No other chapters: every link to another page stays plain text.
    static let none = BookLinks()

    private init() {}

    /// The links of `volume`: article `i` of `volume.articles` is chapter `i + 1`; `policy` gives each article's
    /// format's page links, by which a merged file is linked too.
    init(volume: Volume, policy: (ArticleHeader) -> BodyPolicy = { _ in BodyPolicy() }) {
        for (index, article) in volume.articles.enumerated() {
            let file = ChapterNaming.fileName(number: index + 1)
            let ending = policy(article).pageLinkEnding
            let merged = ending.map { ending in article.files.compactMap { Self.pageKey(ofFile: $0, ending: ending) } } ?? []
            for page in [article.channel + "/" + article.id] + merged {
                pages[page] = pages[page] ?? file
            }
            for key in Self.sourceKeys(article.source.map(LinkResolver.percentEncoded), id: article.id) {
                sources[key] = sources[key] ?? file
            }
        }
    }

    /// The chapter a link to another page of the input leads to, as `policy` says such links look; `channel` is
    /// the linking article's, for a link naming only a file (`<id>.md`).
    func chapter(forPageLink href: String, channel: String, policy: BodyPolicy) -> String? {
        guard let ending = policy.pageLinkEnding,
              let page = Self.pageKey(ofLink: href, channel: channel, ending: ending, folder: policy.pageFolder)
        else { return nil }
        return pages[page]
    }

    /// The chapter whose article was published at `url` (absolute and percent-encoded, fragment ignored).
    func chapter(forURL url: String) -> String? {
        let address = url.prefix { $0 != "#" }
        let key = Deduplicator.sourceKey(String(address))
        return key.isEmpty ? nil : sources[key]
    }

    // MARK: - Keys

    /// `73/412985` for `…/pages/73/412985.md` (`ending` `.md`).
    static func pageKey(ofFile path: String, ending: String) -> String? {
        let parts = path.split(separator: "/")
        guard parts.count >= 2, let last = parts.last, last.hasSuffix(ending) else { return nil }
        return parts[parts.count - 2] + "/" + last.dropLast(ending.count)
    }

    /// The `channel/id` a link to another page names, by shape (for the mirror, `ending` `.md` and `folder`
    /// `pages`): `pages/<channel>/<id>.md` under any prefix (relative, or a `github.com/<owner>/<repo>/blob/<branch>/`
    /// URL), `../<channel>/<id>.md`, or `<id>.md`.
    static func pageKey(ofLink href: String, channel: String, ending: String, folder pageFolder: String?) -> String? {
        let trimmed = href.trimmed
        let path = trimmed.prefix { $0 != "?" && $0 != "#" }
        if let scheme = LinkResolver.scheme(of: String(path)) {
            guard scheme == "http" || scheme == "https" else { return nil }
            let host = path.dropFirst(scheme.count + 3).prefix { $0 != "/" }.lowercased()
            guard host == "github.com" || host == "www.github.com" else { return nil }
        }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let last = parts.last, last.lowercased().hasSuffix(ending), last.count > ending.count else { return nil }
        let id = String(last.dropLast(ending.count))
        guard parts.count >= 2, parts[parts.count - 2] != "." else { return channel + "/" + id }
        let folder = parts[parts.count - 2]
        // Typed: untyped, `nil` made the compiler pick TOMLKit's `Array` subscript and compare TOMLValues.
        let above: String? = parts.count >= 3 ? parts[parts.count - 3] : nil
        guard !folder.isEmpty, folder != "..", (pageFolder != nil && above == pageFolder) || above == ".." else { return nil }
        return folder + "/" + id
    }

    /// The source's key, and the same URL without the title slug some mirrors add before the id
    /// (`/2020/2/2/标题-400621.html` is also linked as `/2020/2/2/400621.html`).
    static func sourceKeys(_ source: String?, id: String) -> [String] {
        guard let source else { return [] }
        let key = Deduplicator.sourceKey(source)
        guard !key.isEmpty else { return [] }
        let address = key.prefix { $0 != "?" && $0 != "#" }
        guard let slash = address.lastIndex(of: "/"), !id.isEmpty else { return [key] }
        let name = address[address.index(after: slash)...]
        guard let dot = name.lastIndex(of: "."), name[..<dot].hasSuffix(id) else { return [key] }
        let stem = name[..<dot].dropLast(id.count)
        guard let separator = stem.last, separator == "-" || separator == "_" else { return [key] }
        return [key, String(address[...slash]) + id + String(name[dot...]) + String(key[address.endIndex...])]
    }
}
