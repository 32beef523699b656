/// Leaves out of a build the articles an earlier book already holds, so a digest fetched again does not
/// package them twice.
///
/// Only books this build does not make count as earlier: a book of the plan is made again whole, and the
/// collector already put each article in exactly one of them.
enum RepeatFilter {
    /// The volumes without such articles (a volume left empty is dropped), and one note per file left out.
    /// `packaged` lists the catalog's articles (key and book) outside the plan's books.
    static func apply(_ volumes: [Volume], packaged: [(key: String, book: String)])
        -> (volumes: [Volume], excluded: [Diagnostic]) {
        let planned = Set(volumes.map(\.fileName))
        var earlier: [String: String] = [:]
        for article in packaged where !planned.contains(article.book) {
            earlier[article.key] = min(earlier[article.key] ?? article.book, article.book)
        }
        guard !earlier.isEmpty else { return (volumes, []) }
        var excluded: [Diagnostic] = []
        let kept = volumes.compactMap { volume -> Volume? in
            var copy = volume
            copy.sections = volume.sections.map { section in
                VolumeSection(title: section.title, articles: section.packedArticles.filter { header in
                    guard let book = earlier[ArticleKey.key(for: header)] else { return true }
                    excluded += header.files.map {
                        Diagnostic(.note, stage: .collect, file: $0, Exclusion.held(in: book))
                    }
                    return false
                })
            }.filter { !$0.packedArticles.isEmpty }
            return copy.sections.isEmpty ? nil : copy
        }
        return (kept, excluded)
    }
}
