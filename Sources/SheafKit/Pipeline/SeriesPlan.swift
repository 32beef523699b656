/// What a build does to the books already in its output folder, series by series: which of its articles a book
/// that stays already holds, and which books `--prune` may delete.
///
/// Every rule applies within one series (`BuildOptions.series(of:)`): a book of another series, or one recorded
/// before series existed whose file name no volume of this build has, never leaves an article out and is never
/// pruned. A book of the plan is made again whole, so only the others (a volume gone) count:
/// - without `--prune` they all stay, and the articles they hold are left out (unless `--repeat`);
/// - with `--prune` one goes only when every article it holds is in a book this build makes, and an article is
///   left out only when a book that stays holds it. Deciding one changes the other, so both are taken to the
///   point where neither changes (books that stay only grow, so this ends).
struct SeriesPlan {
    /// A book `--prune` may delete, and the volumes of this build whose books then hold its articles: it is
    /// deleted only if each of them was made.
    struct Prunable: Equatable {
        var book: CatalogBook
        var coveredBy: Set<String>
    }

    /// The plan's volumes less the articles a book that stays holds (a volume left empty is dropped).
    var volumes: [Volume]
    /// One note per file left out.
    var excluded: [Diagnostic]
    var prunable: [Prunable]

    /// `series` names a volume's series; `books` are the catalog's; `articles` gives the keys of the given books'
    /// articles, read only for the books that may count; `onDisk` tells whether a book's file is still there (one
    /// that is not holds nothing, and `--prune` only forgets its rows).
    static func make(_ volumes: [Volume], series: (Volume) -> String, books: [CatalogBook],
                     articles: (Set<String>) throws -> [(key: String, book: String)], onDisk: (String) -> Bool = { _ in true },
                     repeatArticles: Bool, prune: Bool) rethrows -> SeriesPlan {
        let planned = Set(volumes.map(\.fileName))
        let ours = Set(volumes.map(series))
        let gone = books.filter { book in
            !planned.contains(book.file) && book.series.map(ours.contains) == true
        }
        guard !gone.isEmpty, !repeatArticles || prune else { return SeriesPlan(volumes: volumes, excluded: [], prunable: []) }
        let present = Set(gone.map(\.file).filter(onDisk))
        var keys: [String: Set<String>] = [:]
        for article in try articles(present) { keys[article.book, default: []].insert(article.key) }
        var staying = prune ? Set<String>() : present
        while true {
            let filtered = repeatArticles ? (volumes: volumes, excluded: [])
                : leaveOut(volumes, series: series, held: gone.filter { staying.contains($0.file) }, keys: keys)
            guard prune else { return SeriesPlan(volumes: filtered.volumes, excluded: filtered.excluded, prunable: []) }
            let holders = holders(of: filtered.volumes, series: series)
            let stays = Set(gone.filter { book in
                guard present.contains(book.file) else { return false }
                let covered = holders[book.series ?? ""] ?? [:]
                return !(keys[book.file] ?? []).allSatisfy { covered[$0] != nil }
            }.map(\.file))
            if stays == staying {
                let prunable = gone.filter { !stays.contains($0.file) }.map { book in
                    Prunable(book: book, coveredBy: (keys[book.file] ?? []).reduce(into: Set<String>()) {
                        $0.formUnion(holders[book.series ?? ""]?[$1] ?? [])
                    })
                }
                return SeriesPlan(volumes: filtered.volumes, excluded: filtered.excluded, prunable: prunable)
            }
            staying = stays
        }
    }

    /// Series by series, each article key with the file names of the volumes that hold it.
    private static func holders(of volumes: [Volume], series: (Volume) -> String) -> [String: [String: Set<String>]] {
        var holders: [String: [String: Set<String>]] = [:]
        for volume in volumes {
            for header in volume.articles {
                holders[series(volume), default: [:]][ArticleKey.key(for: header), default: []].insert(volume.fileName)
            }
        }
        return holders
    }

    /// The repeat filter, series by series: each volume loses the articles a book of its own series holds.
    private static func leaveOut(_ volumes: [Volume], series: (Volume) -> String, held: [CatalogBook],
                                 keys: [String: Set<String>]) -> (volumes: [Volume], excluded: [Diagnostic]) {
        let order = Dictionary(volumes.enumerated().map { ($1.fileName, $0) }) { first, _ in first }
        let bySeries = Dictionary(grouping: volumes, by: series)
        var kept: [Volume] = []
        var excluded: [Diagnostic] = []
        for name in bySeries.keys.sorted() {
            let packaged = held.filter { $0.series == name }.flatMap { book in
                (keys[book.file] ?? []).map { (key: $0, book: book.file) }
            }
            let result = RepeatFilter.apply(bySeries[name] ?? [], packaged: packaged)
            kept += result.volumes
            excluded += result.excluded
        }
        return (kept.sorted { order[$0.fileName] ?? 0 < order[$1.fileName] ?? 0 }, excluded)
    }
}
