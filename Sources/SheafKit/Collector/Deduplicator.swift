import Foundation

/// Finds the same article filed twice and merges it into one header that lists every file.
///
/// Two files are one article when they name the same source URL, or when they share an id and a title
/// (the mirror files one article under several channels). Files that share only an id are different
/// articles — the source site reuses ids across edits and sections — and both are kept, with a note.
struct Deduplicator {
    /// How the note on a file merged into another begins (the summary counts them).
    static let mergePrefix = "same article as "

    /// The articles kept, as positions in the packed headers, and the files merged into them.
    struct Merged {
        /// Positions of the articles kept, in the order given.
        var kept: [Int]
        /// The files merged into `kept[k]`, by `k` (only for articles filed more than once).
        var mergedFiles: [Int: [String]] = [:]
        var notes: [Diagnostic] = []

        /// The `k`-th kept article with every file merged into it.
        func article(_ k: Int, in headers: PackedList<ArticleHeader>) -> ArticleHeader {
            var header = headers[kept[k]]
            header.files += mergedFiles[k] ?? []
            return header
        }
    }

    /// Merges duplicates among `headers` taken in `order`; the first occurrence is the one kept and read.
    /// One header is unpacked at a time: the tables hold hashes of the keys, not the keys.
    func merge(_ headers: PackedList<ArticleHeader>, in order: [Int]) -> Merged {
        var kept: [Int] = []
        var mergedFiles: [Int: [String]] = [:]
        var notes: [Diagnostic] = []
        var bySource = FirstIndexTable(), byIDAndTitle = FirstIndexTable(), byID = FirstIndexTable()
        let keptHeader = { (k: Int) in headers[kept[k]] }
        for position in order {
            let header = headers[position]
            let file = header.files.first ?? header.id
            let sourceKey = Self.sourceKey(of: header)
            let idTitleKey = Self.idTitleKey(of: header)
            if let k = sourceKey.flatMap({ bySource.first($0, keyOf: { Self.sourceKey(of: keptHeader($0)) ?? "" }) })
                ?? byIDAndTitle.first(idTitleKey, keyOf: { Self.idTitleKey(of: keptHeader($0)) }) {
                mergedFiles[k, default: []] += header.files
                let first = keptHeader(k).files.first ?? ""
                notes.append(Diagnostic(.note, stage: .collect, file: file, Self.mergePrefix + "\(first); packaged once"))
                continue
            }
            if let other = byID.first(header.id, keyOf: { keptHeader($0).id }) {
                let first = keptHeader(other).files.first ?? ""
                notes.append(Diagnostic(.note, stage: .collect, file: file, "shares id \(header.id) with \(first) but has "
                                        + "another title and source; kept as a separate article"))
            }
            let k = kept.count
            kept.append(position)
            if let sourceKey { bySource.record(sourceKey, at: k, keyOf: { Self.sourceKey(of: keptHeader($0)) ?? "" }) }
            byIDAndTitle.record(idTitleKey, at: k, keyOf: { Self.idTitleKey(of: keptHeader($0)) })
            byID.record(header.id, at: k, keyOf: { keptHeader($0).id })
        }
        return Merged(kept: kept, mergedFiles: mergedFiles, notes: notes)
    }

    private static func sourceKey(of header: ArticleHeader) -> String? {
        header.source.map(sourceKey).flatMap { $0.isEmpty ? nil : $0 }
    }

    private static func idTitleKey(of header: ArticleHeader) -> String {
        header.id + "\u{0}" + header.title
    }

    /// Source URLs compare without surrounding space, a trailing slash or the scheme's `http`/`https` split.
    static func sourceKey(_ url: String) -> String {
        var key = Substring(url.trimmed)
        for scheme in ["https://", "http://"] where key.lowercased().hasPrefix(scheme) {
            key = key.dropFirst(scheme.count)
        }
        while key.hasSuffix("/") { key = key.dropLast() }
        return String(key)
    }
}

/// The first index recorded for each key, holding each key's hash instead of the key: the key of a recorded
/// index is asked for again (`keyOf`) to confirm a match. A key whose hash an earlier, different key took is
/// kept whole, so no two keys are ever confused.
struct FirstIndexTable {
    private var byHash: [Int: Int] = [:]
    private var collided: [String: Int] = [:]
    private let hash: (String) -> Int

    /// A table keyed by `hash` of each key (tests give one that collides).
    init(hash: @escaping (String) -> Int = { $0.hashValue }) {
        self.hash = hash
    }

    /// The first index recorded for `key`, if any.
    func first(_ key: String, keyOf: (Int) -> String) -> Int? {
        guard let index = byHash[hash(key)] else { return nil }
        return keyOf(index) == key ? index : collided[key]
    }

    /// Records `index` for `key` unless an index is recorded for it already.
    mutating func record(_ key: String, at index: Int, keyOf: (Int) -> String) {
        let hash = hash(key)
        guard let taken = byHash[hash] else { byHash[hash] = index; return }
        if keyOf(taken) != key, collided[key] == nil { collided[key] = index }
    }
}
