/// One article's body as a format loads it for a volume: HTML, the base its relative links and images are read
/// against, and what the format knows about some of its links and images.
struct ArticleBody: Sendable, Equatable {
    /// The article's HTML (still soup: the writer normalizes it).
    var html: String
    /// The path of the file relative links and images are resolved from.
    var base: String
    /// What the format says about the body's images (its furniture, where relative ones may be read from).
    var policy: BodyPolicy

    init(html: String, base: String, policy: BodyPolicy = BodyPolicy()) {
        self.html = html
        self.base = base
        self.policy = policy
    }
}
