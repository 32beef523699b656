import Foundation

/// Puts articles into one volume per index page, in the page's order, and says what the pages miss.
struct IndexGrouping {
    struct Result {
        var buckets: [VolumeNaming.Key: [ArticleHeader]]
        /// Links to pages absent from the collection (each a note, and one warning counting them), and index
        /// pages that list nothing present.
        var notes: [Diagnostic]
        /// Files of articles no index page lists.
        var unlisted: [Diagnostic]
    }

    let indexes: [IndexListing]

    func group(_ articles: [ArticleHeader]) -> Result {
        var byPage: [String: Int] = [:]
        for (index, article) in articles.enumerated() {
            for file in article.files {
                if let page = Self.pageKey(ofFile: file) { byPage[page] = byPage[page] ?? index }
            }
            byPage[article.channel + "/" + article.id] = byPage[article.channel + "/" + article.id] ?? index
        }
        var result = Result(buckets: [:], notes: [], unlisted: [])
        var listed = Set<Int>()
        var missing = 0
        for listing in indexes.sorted(by: { ArticleOrder.idPrecedes($0.name, $1.name) }) {
            var members: [Int] = []
            for entry in listing.entries {
                guard let index = byPage[entry.channel + "/" + entry.id] else {
                    // A page on disk but not read lies outside the input folder: left out, not missing.
                    guard !entry.onDisk else { continue }
                    missing += 1
                    result.notes.append(Diagnostic(.note, stage: .collect, file: listing.file,
                        "links to \(entry.pageName) (\(entry.title)), which is not in the collection"))
                    continue
                }
                if !members.contains(index) { members.append(index) }
            }
            guard !members.isEmpty else {
                result.notes.append(Diagnostic(.note, stage: .collect, file: listing.file,
                                               "lists no article of the collection; no book made"))
                continue
            }
            listed.formUnion(members)
            result.buckets[.index(name: listing.name, title: listing.title)] = members.map { articles[$0] }
        }
        if missing > 0, let folder = indexes.first.map({ ($0.file as NSString).deletingLastPathComponent }) {
            // Mirrors often list pages they never saved: one line says so, the report has each link.
            result.notes.append(Diagnostic(.warning, stage: .collect, file: folder,
                "\(missing) \(missing == 1 ? "link" : "links") of index pages \(missing == 1 ? "leads" : "lead") to pages not "
                + "in the collection (listed in --report)"))
        }
        for (index, article) in articles.enumerated() where !listed.contains(index) {
            result.unlisted += article.files.map {
                Diagnostic(.note, stage: .collect, file: $0, "not listed in any index page")
            }
        }
        return result
    }

    /// `73/412985` for `…/73/412985.md`: the folder and stem a merged file is listed under by an index page.
    static func pageKey(ofFile path: String) -> String? {
        let parts = path.split(separator: "/")
        guard parts.count >= 2, let last = parts.last, let dot = last.lastIndex(of: "."), dot != last.startIndex
        else { return nil }
        return parts[parts.count - 2] + "/" + last[..<dot]
    }
}
