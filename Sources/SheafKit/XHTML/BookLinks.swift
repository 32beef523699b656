import Foundation

/// Where links between the articles of one book lead: each article's chapter file, found by the article's
/// mirror page (`pages/<channel>/<id>.md`) or by its original URL.
///
/// Built once per volume, before its articles are normalized, so that every chapter can point at any other.
public struct BookLinks: Sendable, Equatable {
    /// Chapter file names (`c0002.xhtml`) by `channel/id`.
    private var pages: [String: String] = [:]
    /// Chapter file names by source-URL key (see `Deduplicator.sourceKey`).
    private var sources: [String: String] = [:]

    /// No other chapters: every link to a mirror page stays plain text.
    public static let none = BookLinks()

    private init() {}

    /// The links of `volume`: article `i` of `volume.articles` is chapter `i + 1`.
    public init(volume: Volume) {
        for (index, article) in volume.articles.enumerated() {
            let file = ChapterNaming.fileName(number: index + 1)
            for page in [article.channel + "/" + article.id] + article.files.compactMap(Self.pageKey(ofFile:)) {
                pages[page] = pages[page] ?? file
            }
            for key in Self.sourceKeys(article.source.map(LinkResolver.percentEncoded), id: article.id) {
                sources[key] = sources[key] ?? file
            }
        }
    }

    /// The chapter a link to a mirror page leads to; `channel` is the linking article's, for `<id>.md`.
    func chapter(forMirrorLink href: String, channel: String) -> String? {
        guard let page = Self.pageKey(ofLink: href, channel: channel) else { return nil }
        return pages[page]
    }

    /// The chapter whose article was published at `url` (absolute and percent-encoded, fragment ignored).
    func chapter(forURL url: String) -> String? {
        let address = url.prefix { $0 != "#" }
        let key = Deduplicator.sourceKey(String(address))
        return key.isEmpty ? nil : sources[key]
    }

    // MARK: - Keys

    /// `73/412985` for `…/pages/73/412985.md`.
    static func pageKey(ofFile path: String) -> String? {
        let parts = path.split(separator: "/")
        guard parts.count >= 2, let last = parts.last, last.hasSuffix(".md") else { return nil }
        return parts[parts.count - 2] + "/" + last.dropLast(3)
    }

    /// The `channel/id` a link to a mirror page names, by shape: `pages/<channel>/<id>.md` under any prefix
    /// (relative, or a `github.com/<owner>/<repo>/blob/<branch>/` URL), `../<channel>/<id>.md`, or `<id>.md`.
    static func pageKey(ofLink href: String, channel: String) -> String? {
        let trimmed = href.trimmed
        let path = trimmed.prefix { $0 != "?" && $0 != "#" }
        if let scheme = LinkResolver.scheme(of: String(path)) {
            guard scheme == "http" || scheme == "https" else { return nil }
            let host = path.dropFirst(scheme.count + 3).prefix { $0 != "/" }.lowercased()
            guard host == "github.com" || host == "www.github.com" else { return nil }
        }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let last = parts.last, last.lowercased().hasSuffix(".md"), last.count > 3 else { return nil }
        let id = String(last.dropLast(3))
        guard parts.count >= 2, parts[parts.count - 2] != "." else { return channel + "/" + id }
        let folder = parts[parts.count - 2]
        // Typed: untyped, `nil` made the compiler pick TOMLKit's `Array` subscript and compare TOMLValues.
        let above: String? = parts.count >= 3 ? parts[parts.count - 3] : nil
        guard !folder.isEmpty, folder != "..", above == "pages" || above == ".." else { return nil }
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
