/// Groups articles into volumes: de-duplicates, buckets by the chosen grouping, orders and names them.
///
/// Pure: the same headers in any order give the same volumes.
struct VolumeCollector: Sendable {
    /// The volumes to make, in a stable order, and what the user should know about the grouping.
    struct Collection: Sendable, Equatable {
        var volumes: [Volume]
        var notes: [Diagnostic]
        /// Files left out on purpose (outside the time window), with the reason.
        var excluded: [Diagnostic]
        /// Every channel the articles are filed under, chosen or not; empty when no channel is chosen.
        var channels: Set<String> = []
    }

    let options: CollectorOptions

    init(options: CollectorOptions) {
        self.options = options
    }

    /// The volumes for `headers`; `indexes` are the collection's index pages, used by `index` grouping.
    func collect(_ headers: [ArticleHeader], indexes: [IndexListing] = []) -> Collection {
        collect(PackedList(headers), indexes: indexes)
    }

    /// The volumes for packed `headers` (a large collection's, as the first pass reads them): headers are
    /// unpacked one at a time, and a volume's all at once only while its book is planned.
    func collect(_ headers: PackedList<ArticleHeader>, indexes: [IndexListing] = []) -> Collection {
        let (options, titleNote) = Self.cappingTitle(options)
        var notes = titleNote.map { [$0] } ?? []
        let merged = Deduplicator().merge(headers, in: Self.fileOrder(of: headers))
        let keptArticle = { (k: Int) in merged.article(k, in: headers) }
        let language = options.language
            ?? LanguageGuess.language(ofTitles: merged.kept.indices.lazy.map { keptArticle($0).title })
        let naming = VolumeNaming(options: options, language: language)

        var buckets: [VolumeNaming.Key: [ArticleHeader]] = [:]
        var keysOf: [VolumeNaming.Key: [Int]] = [:]
        var excluded: [Diagnostic] = []
        notes += merged.notes
        var inWindow: [Int] = []
        // Every file's channel, a duplicate's too: only asked for when channels are chosen (to name absent ones).
        let channelsSeen = options.channels == nil ? [] : Set(headers.map(\.channel))
        for k in merged.kept.indices {
            let article = keptArticle(k)
            if let channels = options.channels, !channels.contains(article.channel) {
                excluded += article.files.map {
                    Diagnostic(.note, stage: .collect, file: $0, Exclusion.channel(article.channel))
                }
                continue
            }
            guard options.window.contains(article.date) else {
                let reason = Exclusion.window(options.window, date: article.date)
                excluded += article.files.map { Diagnostic(.note, stage: .collect, file: $0, reason) }
                continue
            }
            inWindow.append(k)
        }
        if options.grouping == .index {
            let listed = IndexGrouping(indexes: indexes).group(inWindow.map(keptArticle))
            buckets = listed.buckets
            notes += listed.notes
            excluded += listed.unlisted
        } else {
            for k in inWindow { keysOf[naming.key(for: keptArticle(k)), default: []].append(k) }
        }
        // A volume's headers are unpacked only while it is planned.
        let bucket = { (key: VolumeNaming.Key) in buckets[key] ?? (keysOf[key] ?? []).map(keptArticle) }
        let volumes = Set(buckets.keys).union(keysOf.keys).sorted().flatMap { key -> [Volume] in
            // An index page's order is the reader's order; every other volume reads by date.
            let articles = options.grouping == .index ? bucket(key) : bucket(key).sorted(by: ArticleOrder.precedes)
            let parts = options.limits.parts(of: articles)
            // Every part of a windowed digest is named after the same window.
            let window = naming.window(of: articles)
            return parts.enumerated().map { index, part in
                let volume = naming.volume(for: key, articles: part, window: window,
                                           part: parts.count > 1 ? (index + 1, parts.count) : nil)
                if key == .undated {
                    notes += part.map { article in
                        Diagnostic(.warning, stage: .collect, file: article.files.first ?? article.id,
                                   Self.undatedReason(of: article) + "; put in \(volume.fileName)")
                    }
                }
                return volume
            }
        }
        return Collection(volumes: volumes, notes: notes, excluded: excluded, channels: channelsSeen)
    }

    /// Where the article's date was looked for, in the words of its input format.
    static func undatedReason(of article: ArticleHeader) -> String {
        switch article.format {
        case "webpage", "warc": "no date in the page's metadata, its time elements or its address"
        default: "no date in the dateline or the source URL"
        }
    }

    /// `options` with a `--title` longer than an article's title may be cut to that length, and a note saying so.
    /// A title is copied into every book, its cover and its pages: a huge one would cost memory per book.
    static func cappingTitle(_ options: CollectorOptions) -> (CollectorOptions, Diagnostic?) {
        let limit = ArticleHeader.maximumTitleLength
        guard let title = options.title, title.count > limit else { return (options, nil) }
        var capped = options
        capped.title = String(title.prefix(limit))
        return (capped, Diagnostic(.note, stage: .collect, file: options.collection,
                                   "book title of \(title.count) characters cut to \(limit)"))
    }

    /// The headers' positions by their first file's path (byte order). The first pass reads files in that order
    /// already: then the positions are taken as they are, without holding every path at once.
    static func fileOrder(of headers: PackedList<ArticleHeader>) -> [Int] {
        var previous = ""
        let inOrder = headers.allSatisfy { header in
            let first = header.files.first ?? ""
            defer { previous = first }
            return !first.utf8.lexicographicallyPrecedes(previous.utf8)
        }
        if inOrder { return Array(headers.indices) }
        let firstFiles = headers.map { $0.files.first ?? "" }
        return headers.indices.sorted { firstFiles[$0].utf8.lexicographicallyPrecedes(firstFiles[$1].utf8) }
    }
}
