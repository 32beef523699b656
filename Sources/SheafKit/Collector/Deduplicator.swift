import Foundation

/// Finds the same article filed twice and merges it into one header that lists every file.
///
/// Two files are one article when they name the same source URL, or when they share an id and a title
/// (the mirror files one article under several channels). Files that share only an id are different
/// articles — the source site reuses ids across edits and sections — and both are kept, with a note.
struct Deduplicator {
    struct Result {
        var articles: [ArticleHeader]
        var notes: [Diagnostic]
    }

    /// Merges duplicates; the first occurrence (in the given order) is the one kept and read.
    func merge(_ headers: [ArticleHeader]) -> Result {
        var kept: [ArticleHeader] = []
        var notes: [Diagnostic] = []
        var bySource: [String: Int] = [:]
        var byIDAndTitle: [String: Int] = [:]
        var byID: [String: Int] = [:]
        for header in headers {
            let sourceKey = header.source.map(Self.sourceKey).flatMap { $0.isEmpty ? nil : $0 }
            let idTitleKey = header.id + "\u{0}" + header.title
            if let index = sourceKey.flatMap({ bySource[$0] }) ?? byIDAndTitle[idTitleKey] {
                kept[index].files.append(contentsOf: header.files)
                notes.append(Diagnostic(.note, stage: .collect, file: header.files.first ?? header.id,
                                        "same article as \(kept[index].files[0]); packaged once"))
                continue
            }
            if let other = byID[header.id] {
                notes.append(Diagnostic(.note, stage: .collect, file: header.files.first ?? header.id,
                                        "shares id \(header.id) with \(kept[other].files[0]) but has another "
                                        + "title and source; kept as a separate article"))
            }
            let index = kept.count
            kept.append(header)
            if let sourceKey { bySource[sourceKey] = bySource[sourceKey] ?? index }
            byIDAndTitle[idTitleKey] = byIDAndTitle[idTitleKey] ?? index
            byID[header.id] = byID[header.id] ?? index
        }
        return Result(articles: kept, notes: notes)
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
