/// A body that is HTML escaped as text (`&lt;div class="…"&gt; … &lt;/div&gt;`), which a book would show as code.
///
/// When the body's text starts with a tag and tags make up at least half of it, the text is the markup it
/// shows, and is read as HTML. A body that starts with its own text and has escaped markup after it (an article
/// followed by a copy of its page's source) keeps that markup as text: only the article is the article.
enum EscapedMarkup {
    /// At least this many escaped tags, so that a sentence quoting `<br>` is not taken for markup.
    static let minimumTags = 3

    /// The markup the body's text holds, and the share of its visible characters that are tags (0…100); nil when
    /// the body is not escaped markup.
    static func markup(of nodes: [HTMLNode]) -> (html: String, percent: Int)? {
        // Most bodies start with their own words: told by their first text, without gathering the rest.
        guard startsWithTag(nodes) else { return nil }
        let text = nodes.map(\.textContent).joined()
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              isTagStart(scalars, at: first) else { return nil }
        var tagScalars = 0, tags = 0, index = first
        while index < scalars.count {
            if isTagStart(scalars, at: index), let end = tagEnd(scalars, from: index) {
                tagScalars += scalars[index...end].lazy.filter { !$0.properties.isWhitespace }.count
                tags += 1
                index = end + 1
            } else {
                index += 1
            }
        }
        let visible = scalars.lazy.filter { !$0.properties.isWhitespace }.count
        guard tags >= minimumTags, tagScalars * 2 >= visible else { return nil }
        return (text, tagScalars * 100 / max(1, visible))
    }

    /// Whether the first text of `nodes` that is not whitespace starts with `<` and a letter, `/` or `!`.
    private static func startsWithTag(_ nodes: [HTMLNode]) -> Bool {
        func first(_ nodes: [HTMLNode]) -> Bool? {
            for node in nodes {
                switch node {
                case .text(let text):
                    let scalars = text.unicodeScalars.drop { $0.properties.isWhitespace }
                    guard let start = scalars.first else { continue }
                    guard start == "<", let next = scalars.dropFirst().first else { return false }
                    return next == "/" || next == "!" || (next.isASCII && next.properties.isAlphabetic)
                case .element(let element):
                    if let found = first(element.children) { return found }
                }
            }
            return nil
        }
        return first(nodes) ?? false
    }

    /// `<` followed by a letter, `/` or `!`: a tag, an end tag or a comment.
    private static func isTagStart(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard scalars[index] == "<", index + 1 < scalars.count else { return false }
        let next = scalars[index + 1]
        return next == "/" || next == "!" || (next.isASCII && next.properties.isAlphabetic)
    }

    /// The `>` that closes the tag at `start`, within 2,000 characters and before any other `<`.
    private static func tagEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start + 1
        while index < scalars.count, index - start < 2_000 {
            if scalars[index] == ">" { return index }
            if scalars[index] == "<" { return nil }
            index += 1
        }
        return nil
    }
}
