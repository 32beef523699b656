import Foundation

/// The dates a digest covers: from `since` to `until`, both included; either end may be open.
public struct DateWindow: Sendable, Equatable, Codable {
    /// The first day included; nil: no lower bound.
    public var since: ArticleDate?
    /// The last day included; nil: no upper bound.
    public var until: ArticleDate?

    /// The window from `since` to `until`, both included; both nil: every date.
    public init(since: ArticleDate? = nil, until: ArticleDate? = nil) {
        self.since = since
        self.until = until
    }

    /// The window from `since` to `until`, refused when it starts after it ends: it would hold no day, and a
    /// build that silently makes nothing is worse than an error.
    public static func checked(since: ArticleDate?, until: ArticleDate?) throws -> DateWindow {
        if let since, let until, until < since {
            throw SheafError(stage: .collect, "since \(since) is after until \(until): the window holds no day")
        }
        return DateWindow(since: since, until: until)
    }

    /// The last `span` counted back from `today`, today included: `7d` is today and the six days before.
    /// Accepts `Nd` (days) and `Nw` (weeks).
    public static func last(_ span: String, today: ArticleDate) throws -> DateWindow {
        let days = try Self.days(in: span)
        return DateWindow(since: ArticleDate(dayNumber: today.dayNumber - days + 1), until: today)
    }

    /// Whether an article dated `date` is inside; an undated article is inside only an open window.
    public func contains(_ date: ArticleDate?) -> Bool {
        guard since != nil || until != nil else { return true }
        guard let date else { return false }
        if let since, date < since { return false }
        if let until, until < date { return false }
        return true
    }

    /// `7d` → 7, `2w` → 14.
    public static func days(in span: String) throws -> Int {
        let text = span.trimmingCharacters(in: .whitespaces).lowercased()
        guard let unit = text.last, let count = Int(text.dropLast()), count > 0, count <= 100_000 else {
            throw SheafError(stage: .collect, "'\(span)' is not a span such as 7d or 2w")
        }
        switch unit {
        case "d": return count
        case "w": return count * 7
        default: throw SheafError(stage: .collect, "'\(span)' is not a span such as 7d or 2w: use d (days) or w (weeks)")
        }
    }

    /// Parses `YYYY-MM-DD`.
    public static func date(_ text: String) throws -> ArticleDate {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              let date = ArticleDate(year: y, month: m, day: d) else {
            throw SheafError(stage: .collect, "'\(text)' is not a date of the form YYYY-MM-DD")
        }
        return date
    }
}
