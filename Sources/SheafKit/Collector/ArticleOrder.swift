/// The one total order of articles inside a volume: by date (undated last), then id (numerically when both
/// ids are numbers), then channel, then file path.
enum ArticleOrder {
    static func precedes(_ a: ArticleHeader, _ b: ArticleHeader) -> Bool {
        if a.date != b.date {
            switch (a.date, b.date) {
            case let (x?, y?): return x < y
            case (.some, nil): return true
            default: return false
            }
        }
        if a.id != b.id { return idPrecedes(a.id, b.id) }
        if a.channel != b.channel { return a.channel.utf8.lexicographicallyPrecedes(b.channel.utf8) }
        return (a.files.first ?? "").utf8.lexicographicallyPrecedes((b.files.first ?? "").utf8)
    }

    /// `999` before `1000`; otherwise byte order, so the result never depends on the locale.
    static func idPrecedes(_ a: String, _ b: String) -> Bool {
        let an = a.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
        let bn = b.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
        if an && bn && !a.isEmpty && !b.isEmpty {
            let a0 = a.drop { $0 == "0" }, b0 = b.drop { $0 == "0" }
            if a0.count != b0.count { return a0.count < b0.count }
            if a0 != b0 { return a0.utf8.lexicographicallyPrecedes(b0.utf8) }
        }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
