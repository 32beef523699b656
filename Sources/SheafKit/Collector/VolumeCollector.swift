/// Groups articles into volumes: de-duplicates, buckets by the chosen grouping, orders and names them.
///
/// Pure: the same headers in any order give the same volumes.
public struct VolumeCollector: Sendable {
    /// The volumes to make, in a stable order, and what the user should know about the grouping.
    public struct Collection: Sendable, Equatable {
        public var volumes: [Volume]
        public var notes: [Diagnostic]
        /// Files left out on purpose (outside the time window), with the reason.
        public var excluded: [Diagnostic]
    }

    public let options: CollectorOptions

    public init(options: CollectorOptions) {
        self.options = options
    }

    /// The volumes for `headers`; `indexes` are the collection's index pages, used by `index` grouping.
    public func collect(_ headers: [ArticleHeader], indexes: [IndexListing] = []) -> Collection {
        let firstFile = { (h: ArticleHeader) in h.files.first ?? "" }
        let inFileOrder = headers.sorted { firstFile($0).utf8.lexicographicallyPrecedes(firstFile($1).utf8) }
        let merged = Deduplicator().merge(inFileOrder)
        let language = options.language ?? LanguageGuess.language(ofTitles: merged.articles.map(\.title))
        let naming = VolumeNaming(options: options, language: language)

        var buckets: [VolumeNaming.Key: [ArticleHeader]] = [:]
        var excluded: [Diagnostic] = []
        var notes = merged.notes
        var inWindow: [ArticleHeader] = []
        for article in merged.articles {
            if let channels = options.channels, !channels.contains(article.channel) {
                excluded += article.files.map {
                    Diagnostic(.note, stage: .collect, file: $0, "channel \(article.channel) is not among the chosen channels")
                }
                continue
            }
            guard options.window.contains(article.date) else {
                excluded += article.files.map { Diagnostic(.note, stage: .collect, file: $0, outsideWindow(article)) }
                continue
            }
            inWindow.append(article)
        }
        if options.grouping == .index {
            let listed = IndexGrouping(indexes: indexes).group(inWindow)
            buckets = listed.buckets
            notes += listed.notes
            excluded += listed.unlisted
        } else {
            for article in inWindow { buckets[naming.key(for: article), default: []].append(article) }
        }
        let volumes = buckets.keys.sorted().flatMap { key -> [Volume] in
            // An index page's order is the reader's order; every other volume reads by date.
            let articles = options.grouping == .index ? buckets[key, default: []]
                : buckets[key, default: []].sorted(by: ArticleOrder.precedes)
            if key == .undated {
                for article in articles {
                    notes.append(Diagnostic(.warning, stage: .collect, file: article.files.first ?? article.id,
                                            "no date in the dateline or the source URL; "
                                            + "put in \(naming.fileName(for: key))"))
                }
            }
            let parts = options.limits.parts(of: articles)
            return parts.enumerated().map { index, part in
                naming.volume(for: key, articles: part, part: parts.count > 1 ? (index + 1, parts.count) : nil)
            }
        }
        return Collection(volumes: volumes, notes: notes, excluded: excluded)
    }

    private func outsideWindow(_ article: ArticleHeader) -> String {
        let window = options.window
        let range = "\(window.since?.description ?? "…") to \(window.until?.description ?? "…")"
        guard let date = article.date else { return "undated, so outside the time window \(range)" }
        return "dated \(date), outside the time window \(range)"
    }
}
