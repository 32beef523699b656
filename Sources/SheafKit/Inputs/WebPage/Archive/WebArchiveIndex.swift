/// Which record holds each URL's content in a walked web archive: the latest successful capture (a `200`
/// response, a resource, or a revisit of one), with revisits resolved to the response whose payload they repeat.
struct WebArchiveIndex: Sendable, Equatable {
    /// Where a URL's content is.
    struct Entry: Sendable, Equatable {
        /// Offset of the record captured for the URL (a revisit's own, when it is one).
        var record: Int
        /// Offset of the record holding the payload: `record` itself, or the response a revisit repeats.
        var payload: Int
    }

    /// Entries by target URI, as the records write it.
    var entries: [String: Entry]
    /// Revisits whose earlier response is not in the archive, and the like.
    var problems: [WebArchiveProblem]

    /// The entry for `url`, when the archive captured it.
    subscript(url: String) -> Entry? { entries[url] }

    /// The index of walked records (in file order): for each URL the latest capture by `WARC-Date`, the later
    /// in the file when dates tie or are missing.
    init(_ records: [WARCRecord]) {
        var entries: [String: (entry: Entry, date: String)] = [:]
        var problems: [WebArchiveProblem] = []
        let resolver = RevisitResolver(records)
        for record in records {
            guard let url = record.targetURI, let entry = Self.entry(for: record, resolver, &problems) else { continue }
            let date = Self.sortKey(record.date)
            if let known = entries[url], known.date > date { continue }
            entries[url] = (entry, date)
        }
        self.entries = entries.mapValues(\.entry)
        self.problems = problems
    }

    /// The entry a record makes, if it is a successful capture; an unresolvable revisit adds a problem.
    private static func entry(for record: WARCRecord, _ resolver: RevisitResolver,
                              _ problems: inout [WebArchiveProblem]) -> Entry? {
        switch record.kind {
        case .resource:
            return Entry(record: record.offset, payload: record.offset)
        case .response where record.httpStatus == 200:
            return Entry(record: record.offset, payload: record.offset)
        case .revisit:
            // A revisit repeating a redirect or an error is no capture of content.
            if let status = record.httpStatus, status != 200, status != 304 { return nil }
            guard let original = resolver.original(of: record) else {
                let url = record.refersToTargetURI ?? record.targetURI ?? "its URL"
                problems.append(WebArchiveProblem(at: record.offset,
                    "a revisit of \(url) is skipped: the earlier response it repeats is not in this archive"))
                return nil
            }
            guard original.kind == .resource || original.httpStatus == 200 else { return nil }
            return Entry(record: record.offset, payload: original.offset)
        default:
            return nil
        }
    }

    /// A `WARC-Date` made to sort as time does: `2024-01-02T03:04:05Z` and `…05.5Z` compare by their fraction.
    static func sortKey(_ date: String?) -> String {
        guard var date, !date.isEmpty else { return "" }
        if date.hasSuffix("Z") { date.removeLast() }
        guard let dot = date.firstIndex(of: ".") else { return date + ".000000000" }
        let fraction = date[date.index(after: dot)...]
        return String(date[..<dot]) + "." + fraction + String(repeating: "0", count: max(0, 9 - fraction.count))
    }
}

/// Finds the record a revisit repeats: by `WARC-Refers-To` (its record ID), by target URI and date, by payload
/// digest, or by target URI alone (the latest capture before the revisit).
private struct RevisitResolver {
    private var byID: [String: WARCRecord] = [:]
    private var byURIAndDate: [String: WARCRecord] = [:]
    private var byDigest: [String: [WARCRecord]] = [:]
    private var byURI: [String: [WARCRecord]] = [:]

    init(_ records: [WARCRecord]) {
        for record in records where record.kind == .response || record.kind == .resource {
            if let id = record.recordID { byID[id] = record }
            if let uri = record.targetURI {
                byURI[uri, default: []].append(record)
                if let date = record.date { byURIAndDate[uri + " " + date] = record }
            }
            if let digest = record.payloadDigest { byDigest[digest, default: []].append(record) }
        }
    }

    /// The response or resource `revisit` repeats; nil when the archive does not hold it.
    func original(of revisit: WARCRecord) -> WARCRecord? {
        if let id = revisit.refersTo, let found = byID[id] { return found }
        let uri = revisit.refersToTargetURI ?? revisit.targetURI
        if let uri, let date = revisit.refersToDate, let found = byURIAndDate[uri + " " + date] { return found }
        if let digest = revisit.payloadDigest, let found = latest(byDigest[digest], before: revisit) { return found }
        if let uri, revisit.refersToDate == nil { return latest(byURI[uri], before: revisit) }
        return nil
    }

    /// The last of `records` that lies before `revisit` in the file.
    private func latest(_ records: [WARCRecord]?, before revisit: WARCRecord) -> WARCRecord? {
        records?.last { $0.offset < revisit.offset }
    }
}
