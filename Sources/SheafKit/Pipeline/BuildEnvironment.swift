import Foundation

/// Everything from outside the inputs that may enter a build: the one place clock-like values come from.
public struct BuildEnvironment: Sendable, Equatable {
    /// `SOURCE_DATE_EPOCH`, when set: the books' modification date and the archive entries' times.
    public var sourceDateEpoch: Int?
    /// The wall clock at the start of the run (seconds since the epoch); only relative time windows
    /// (`--last 7d`) use it, and only when `SOURCE_DATE_EPOCH` is not set.
    public var now: Int?

    public init(sourceDateEpoch: Int? = nil, now: Int? = nil) {
        self.sourceDateEpoch = sourceDateEpoch
        self.now = now
    }

    /// Reads `SOURCE_DATE_EPOCH` from a process environment (an unparsable value is ignored) and takes `now`.
    public init(environment: [String: String], now: Int? = nil) {
        self.sourceDateEpoch = environment["SOURCE_DATE_EPOCH"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        self.now = now
    }

    /// The day relative windows count back from: `SOURCE_DATE_EPOCH`'s date, else today's (UTC); nil when
    /// neither is known.
    public var today: ArticleDate? {
        guard let seconds = sourceDateEpoch ?? now else { return nil }
        return ArticleDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
    }
}
