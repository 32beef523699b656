import Foundation

/// An article's original URL made fit for an `href`: only http(s), with unsafe characters percent-encoded.
enum SourceLink {
    /// The URL as a valid link target, or nil when it isn't a web address worth linking.
    static func href(for source: String) -> String? {
        let trimmed = XMLText.legal(source).trimmed
        guard let scheme = LinkResolver.scheme(of: trimmed), scheme == "http" || scheme == "https" else { return nil }
        return LinkResolver(source: nil).resolve(trimmed)
    }
}
