import Foundation

/// An article's original URL made fit for an `href`: only http(s), with unsafe characters percent-encoded.
enum SourceLink {
    /// The URL as a valid link target, or nil when it isn't a web address worth linking.
    static func href(for source: String) -> String? {
        let trimmed = XMLText.legal(source).trimmed
        guard let scheme = LinkResolver.scheme(of: trimmed), scheme == "http" || scheme == "https" else { return nil }
        return LinkResolver(source: nil).resolve(trimmed)
    }

    /// The words a link to `href` shows: the site's name when the article gives one, else the host without
    /// `www.` (`minghui.org`), never the whole URL.
    static func name(for href: String, site: String?) -> String? {
        let host = LinkResolver.host(ofURL: href).map { $0.hasPrefix("www.") ? String($0.dropFirst(4)) : $0 }
        guard let site, !site.isEmpty, site.lowercased() != LinkResolver.host(ofURL: href) else { return host }
        return site
    }
}
