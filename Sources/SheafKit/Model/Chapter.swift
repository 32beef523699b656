/// One article made ready for the book: its header and its normalized body.
public struct Chapter: Sendable, Equatable, Codable {
    public var article: ArticleHeader
    /// The body as a sequence of top-level blocks, each a well-formed XHTML fragment (elements in the
    /// XHTML namespace by context: no `xmlns` attributes, only XML's five named entities). The assembler
    /// may split a long chapter between any two blocks.
    public var blocks: [String]
    /// The images the blocks show (`<img src="../images/…">`), each once; the assembler stores each once per book.
    public var images: [BookImage]

    public init(article: ArticleHeader, blocks: [String], images: [BookImage] = []) {
        self.article = article
        self.blocks = blocks
        self.images = images
    }
}
