/// Which stage of the pipeline said something.
public enum Stage: String, Sendable, Codable, CaseIterable {
    case read, collect, normalize, assemble, write
}

/// Something a user should know about one input file or one book: a file skipped, a repair made.
public struct Diagnostic: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable { case note, warning, error }

    public var severity: Severity
    public var stage: Stage
    /// The input path (as opened) or the book's file name the message is about.
    public var file: String
    public var message: String

    public init(_ severity: Severity, stage: Stage, file: String, _ message: String) {
        self.severity = severity
        self.stage = stage
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(severity.rawValue): \(message)" }
}

/// The one public error type: which stage failed, on which file, and why.
public struct SheafError: Error, Sendable, Equatable, CustomStringConvertible {
    public var stage: Stage
    public var file: String?
    public var reason: String

    public init(stage: Stage, file: String? = nil, _ reason: String) {
        self.stage = stage
        self.file = file
        self.reason = reason
    }

    public var description: String {
        if let file { return "\(file): \(reason)" }
        return reason
    }
}
