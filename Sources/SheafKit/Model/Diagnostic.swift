/// Which stage of the pipeline said something.
public enum Stage: String, Sendable, Codable, CaseIterable {
    case read, collect, normalize, assemble, write
}

/// Something a user should know about one input file or one book: a file skipped, a repair made.
public struct Diagnostic: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// How much it matters: a note loses nothing, a warning loses something, an error loses the file.
    public enum Severity: String, Sendable, Codable { case note, warning, error }

    /// How much it matters.
    public var severity: Severity
    /// What stage said it.
    public var stage: Stage
    /// The input path (as opened) or the book's file name the message is about.
    public var file: String
    /// What happened, in words for the user.
    public var message: String

    /// A diagnostic of `severity` from `stage` about `file`.
    public init(_ severity: Severity, stage: Stage, file: String, _ message: String) {
        self.severity = severity
        self.stage = stage
        self.file = file
        self.message = message
    }

    /// `file: severity: message`.
    public var description: String { "\(file): \(severity.rawValue): \(message)" }
}

/// The one public error type: which stage failed, on which file, and why.
public struct SheafError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stage that failed.
    public var stage: Stage
    /// The file the error is about, when it is about one.
    public var file: String?
    /// What went wrong, in words for the user.
    public var reason: String

    /// An error of `stage`, about `file` when given.
    public init(stage: Stage, file: String? = nil, _ reason: String) {
        self.stage = stage
        self.file = file
        self.reason = reason
    }

    /// `file: reason`, or the reason alone.
    public var description: String {
        if let file { return "\(file): \(reason)" }
        return reason
    }
}
