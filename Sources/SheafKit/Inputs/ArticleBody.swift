/// One article's body as a format loads it for a volume: HTML, the base its relative links and images are read
/// against, and what the format knows about some of its links and images.
public struct ArticleBody: Sendable, Equatable {
    /// The article's HTML (still soup: the writer normalizes it).
    public var html: String
    /// The path of the file relative links and images are resolved from.
    public var base: String

    public init(html: String, base: String) {
        self.html = html
        self.base = base
    }
}
