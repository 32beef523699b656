import Foundation

/// Everything from outside the inputs that may enter a book: the one place clock-like values come from.
public struct BuildEnvironment: Sendable, Equatable {
    /// `SOURCE_DATE_EPOCH`, when set: the books' modification date and the archive entries' times.
    public var sourceDateEpoch: Int?

    public init(sourceDateEpoch: Int? = nil) {
        self.sourceDateEpoch = sourceDateEpoch
    }

    /// Reads `SOURCE_DATE_EPOCH` from a process environment; an unparsable value is ignored.
    public init(environment: [String: String]) {
        self.sourceDateEpoch = environment["SOURCE_DATE_EPOCH"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }
}
