/// The book's table of contents, made once per book: the navigation page, the title page's contents and the
/// NCX are all written from this one value (`Book.tableOfContents`), so they cannot disagree.
enum TableOfContents {
    /// An entry per article (titles cleaned for XML), nested under its section's heading when the section has
    /// one; `firstFiles` (relative to the package document) is parallel to `volume.articles`. Empty sections are
    /// left out.
    static func entries(of volume: Volume, firstFiles: [String]) -> [Book.ContentsEntry] {
        var index = 0
        var entries: [Book.ContentsEntry] = []
        for section in volume.sections {
            let articles = section.articles.map { article in
                defer { index += 1 }
                return Book.ContentsEntry(title: XMLText.legal(article.title), href: firstFiles[index], children: [])
            }
            guard let first = articles.first else { continue }
            if let heading = section.title.map(XMLText.legal), !heading.isEmpty {
                entries.append(Book.ContentsEntry(title: heading, href: first.href, children: articles))
            } else {
                entries += articles
            }
        }
        return entries
    }
}
