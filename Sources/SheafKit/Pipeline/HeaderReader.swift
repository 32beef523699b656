import Foundation

/// The first reading pass: every file's header and the reader's notes on its text, none of the bodies.
struct HeaderReader {
    struct Result {
        /// Packed as read: a large collection's headers are most of what planning holds.
        var articles: PackedList<ArticleHeader>
        var skipped: [Diagnostic]
        /// The repairs made to the files' text, reported once (the second pass, which reads bodies, makes them again).
        var notes: [Diagnostic]
        /// Every article's HTML body by `bodyKey` of its reference, when they all fit in `keptBodyBytes`; else empty.
        var bodies: [String: String] = [:]
    }

    /// The formats that read the files.
    var door = InputDoor.standard
    /// How many threads read at once.
    var jobs = 1
    /// Whether to fingerprint the bodies (only a catalog needs them).
    var hashesBodies = true
    /// A collection whose bodies add up to at most this many bytes keeps them, so they are read once.
    var keptBodyBytes = 0

    /// How many runs of consecutive files each thread takes in turn: files differ in size, so runs of equal
    /// count end at different times, and a thread that ends early takes the next run instead of waiting.
    static let runsPerJob = 8

    /// Reads in runs of consecutive files, `jobs` threads at once, and joins them in file order, so the
    /// result is the same whatever `jobs` is.
    /// Consumes the list: it goes once read, before the runs' headers are joined.
    func readHeaders(of files: consuming [InputFile]) -> Result {
        let runs = jobs > 1 ? max(1, min(jobs * Self.runsPerJob, files.count / 64)) : 1
        // One budget for all runs: split into shares, a run with more than its share of the text kept nothing.
        let budget = BodyBudget(limit: keptBodyBytes)
        guard runs > 1 else { return readHeaders(of: files[...], keeping: budget) }
        let all = files
        files = []
        let reader = self
        var parts = Array(0..<runs).parallelMap(jobs: jobs) { run in
            reader.readHeaders(of: all[all.count * run / runs ..< all.count * (run + 1) / runs],
                               keeping: budget)
        }
        _ = consume all
        // Once the runs together read past the budget, the run that did kept nothing: then no run's bodies are kept.
        let keepsBodies = budget.limit > 0 && budget.fits
        var lists = parts.indices.map { index in
            defer { parts[index].articles = [] }
            return parts[index].articles
        }
        var joined = Result(articles: PackedList(joining: &lists), skipped: [], notes: [])
        for part in parts {
            joined.skipped += part.skipped
            joined.notes += part.notes
            if keepsBodies { joined.bodies.merge(part.bodies) { first, _ in first } }
        }
        return joined
    }

    /// The key a kept body is found by: its file, and its entry in a file of many.
    static func bodyKey(_ reference: EntryReference) -> String {
        reference.entry.isEmpty ? reference.file : reference.file + "\u{0}" + reference.entry
    }

    private func readHeaders(of files: ArraySlice<InputFile>, keeping budget: BodyBudget) -> Result {
        var result = Result(articles: [], skipped: [], notes: [])
        var keeps = budget.limit > 0
        result.articles.reserveCapacity(files.count)
        for file in files {
            door.readArticles(in: file) { read in
                switch read {
                case .success(let article):
                    var header = article.header
                    header.size = article.bodyHTML.utf8.count
                    if hashesBodies { header.bodyHash = FNV1a.hex(of: article.bodyHTML) }
                    result.articles.append(header)
                    result.notes += article.notes
                    keeps = keeps && budget.take(header.size)
                    if keeps { result.bodies[Self.bodyKey(header.reference)] = article.bodyHTML } else if !result.bodies.isEmpty { result.bodies = [:] }
                case .failure(let diagnostic):
                    // A file of many articles tells what it left out that is no article at all as a note.
                    if diagnostic.severity == .note { result.notes.append(diagnostic) } else { result.skipped.append(diagnostic) }
                }
            }
        }
        return result
    }
}

/// The bytes of body text all runs may keep together, counted as they read.
private final class BodyBudget: @unchecked Sendable {
    let limit: Int
    private let lock = NSLock()
    private var taken = 0

    init(limit: Int) { self.limit = limit }

    /// Whether everything counted so far fits.
    var fits: Bool { lock.withLock { taken <= limit } }

    /// Counts `bytes` more; whether everything counted so far still fits.
    func take(_ bytes: Int) -> Bool {
        lock.withLock {
            taken += bytes
            return taken <= limit
        }
    }
}
