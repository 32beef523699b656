import Foundation

/// One article a program holds in memory, to make a book of with `MemoryBook`: no file is read for it.
public struct MemoryArticle: Sendable, Equatable {
    /// The article's title: its chapter's heading and its entry in the table of contents.
    public var title: String
    /// The day it was published, shown in its byline; nil for an undated article.
    public var date: ArticleDate?
    /// The body as HTML, a fragment or a whole page: it is normalized as a collection's articles are (unsafe
    /// and unknown markup dropped, the rest made valid XHTML).
    public var html: String
    /// Who wrote it, shown in its byline (where a collection's book shows the publishing site).
    public var author: String?
    /// The original article's URL, linked from its byline and listed as a source of the book.
    public var source: String?
    /// The pictures the HTML shows, as bytes (JPEG, PNG, GIF, WebP…), by the `src` it names them with:
    /// `<img src="chart.png">` shows `images["chart.png"]`. Any other image becomes a placeholder.
    public var images: [String: Data]

    /// An article with the given title, date and HTML body, and optionally its author, original URL and pictures.
    public init(title: String, date: ArticleDate?, html: String, author: String? = nil, source: String? = nil,
                images: [String: Data] = [:]) {
        self.title = title
        self.date = date
        self.html = html
        self.author = author
        self.source = source
        self.images = images
    }
}
