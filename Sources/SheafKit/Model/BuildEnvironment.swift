import Foundation

/// Everything from outside the inputs that may enter a build: the one place clock-like values come from.
public struct BuildEnvironment: Sendable, Equatable {
    /// `SOURCE_DATE_EPOCH`, when set: the books' modification date and the archive entries' times.
    public var sourceDateEpoch: Int?
    /// The wall clock at the start of the run (seconds since the epoch); only relative time windows
    /// (`--last 7d`) use it, and only when `SOURCE_DATE_EPOCH` is not set.
    public var now: Int?
    /// `--today`: the day relative windows count back from, over `SOURCE_DATE_EPOCH` and the clock.
    public var givenToday: ArticleDate?

    /// The largest epoch accepted: 9999-12-31 23:59:59 UTC. A later date has no four-digit year, and EPUB's
    /// `dcterms:modified` (and a zip entry's time) cannot hold it.
    public static let latestSourceDateEpoch = 253_402_300_799

    /// An environment with `SOURCE_DATE_EPOCH`, the clock and `--today` as given (nil: not set).
    public init(sourceDateEpoch: Int? = nil, now: Int? = nil, today: ArticleDate? = nil) {
        self.sourceDateEpoch = sourceDateEpoch
        self.now = now
        self.givenToday = today
    }

    /// Reads `SOURCE_DATE_EPOCH` from a process environment and takes `now` and `today`. A value that is not a
    /// whole number of seconds from 1970-01-01 to 9999-12-31 is refused, not ignored: it would date the books
    /// by something else than the user asked for. An empty value counts as unset.
    public init(environment: [String: String], now: Int? = nil, today: ArticleDate? = nil) throws {
        self.init(sourceDateEpoch: try environment["SOURCE_DATE_EPOCH"].flatMap(Self.epoch), now: now, today: today)
    }

    /// The seconds `text` gives, nil when it is blank.
    static func epoch(_ text: String) throws -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        guard trimmed.allSatisfy({ $0.isASCII && $0.isNumber }), let seconds = Int(trimmed),
              seconds <= latestSourceDateEpoch else {
            throw SheafError(stage: .read, "SOURCE_DATE_EPOCH '\(text)' is not a date: give whole seconds since "
                             + "1970-01-01 UTC, from 0 to \(latestSourceDateEpoch) (9999-12-31)")
        }
        return seconds
    }

    /// The day relative windows count back from: `--today`, else `SOURCE_DATE_EPOCH`'s date, else today's (UTC);
    /// nil when none is known.
    public var today: ArticleDate? {
        if let givenToday { return givenToday }
        guard let seconds = sourceDateEpoch ?? now else { return nil }
        return ArticleDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
    }
}
