import Foundation

/// Why an article file was left out of the books, as the report's `excluded` lists it. Each reason reads
/// "what: detail" so that files left out for the same reason can be counted together.
public enum Exclusion {
    /// An article filed under a channel that `--channel` did not choose.
    static func channel(_ channel: String) -> String { "not in the chosen channels: filed under channel \(channel)" }

    /// An article outside the `--since`/`--until`/`--last` window.
    static func window(_ window: DateWindow, date: ArticleDate?) -> String {
        let range = "\(window.since?.description ?? "…") to \(window.until?.description ?? "…")"
        return "\(windowPrefix) \(range): " + (date.map { "dated \($0)" } ?? "undated")
    }

    private static let windowPrefix = "outside the time window"

    /// An article a book of the same series holds, a book that stays after this run (see `SeriesPlan`).
    static func held(in book: String) -> String { "already in a book of this series: \(book); --repeat packages it again" }

    /// What a reason says without its detail: `outside the time window 2021-01-01 to …`.
    public static func kind(of reason: String) -> String {
        let cut = reason.range(of: ": ") ?? reason.range(of: "; ")
        return cut.map { String(reason[..<$0.lowerBound]) } ?? reason
    }

    /// Each kind of reason with how many files it left out, the most first (then by text: stable).
    public static func counts(_ reasons: [String]) -> [(kind: String, count: Int)] {
        var counts: [String: Int] = [:]
        for reason in reasons { counts[kind(of: reason), default: 0] += 1 }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            .map { ($0.key, $0.value) }
    }

    /// The newest date among the files the time window left out (`2021-01-24`), if any.
    public static func newestDateOutsideWindow(_ reasons: [String]) -> String? {
        // Dates are YYYY-MM-DD: text order is time order.
        reasons.compactMap { reason -> String? in
            guard reason.hasPrefix(windowPrefix), let dated = reason.range(of: ": dated ") else { return nil }
            return String(reason[dated.upperBound...])
        }.max()
    }

    /// What to try when a build made no book, from why its articles were left out.
    public static func advice(_ reasons: [String]) -> [String] {
        let kinds = Set(reasons.map(kind(of:)))
        var advice: [String] = []
        if let newest = newestDateOutsideWindow(reasons) {
            advice.append("the newest article is dated \(newest): try --since \(newest) or a longer --last")
        }
        if kinds.contains(where: { $0.hasPrefix("already") }) {
            advice.append("--repeat packages again the articles an earlier book holds")
        }
        if kinds.contains(kind(of: channel(""))) {
            advice.append("--channel takes the name of a channel the articles are filed under: `sheaf plan --group-by channel` lists them")
        }
        return advice
    }
}
