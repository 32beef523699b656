// The articles of a planned volume's section and of a report's book, as plain arrays: how they are stored (packed,
// to keep a whole collection's plan small) is the library's own business.

extension VolumeSection {
    /// The section's articles in reading order.
    public var articleHeaders: [ArticleHeader] { Array(articles) }
}

extension BuildReport.VolumeEntry {
    /// The book's articles in reading order, each with its chapter and its input files.
    public var articleEntries: [BuildReport.ArticleEntry] { Array(articles) }
}
