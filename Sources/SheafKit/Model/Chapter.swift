/// One article made ready for the book: its header and its normalized body.
struct Chapter: Sendable, Equatable, Codable {
    var article: ArticleHeader
    /// The body as a sequence of top-level blocks, each a well-formed XHTML fragment (elements in the
    /// XHTML namespace by context: no `xmlns` attributes, only XML's five named entities). The assembler
    /// may split a long chapter between any two blocks.
    var blocks: [String]
    /// The images the blocks show (`<img src="../images/…">`), each once; the assembler stores each once per book.
    var images: [BookImage]

    init(article: ArticleHeader, blocks: [String], images: [BookImage] = []) {
        self.article = article
        self.blocks = blocks
        self.images = images
    }
}
