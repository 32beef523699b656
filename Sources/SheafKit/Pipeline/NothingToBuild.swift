/// A build that found no article at all: the error, and the report of what was found instead (the files skipped
/// with their reasons), so that `--report` can still be written.
public struct NothingToBuild: Error, Sendable, CustomStringConvertible {
    /// Why nothing could be built, naming the inputs.
    public var error: SheafError
    /// No volumes; the skipped files and the notes of the planning.
    public var report: BuildReport

    /// The error of a build that found nothing, and the report of what it skipped.
    public init(error: SheafError, report: BuildReport) {
        self.error = error
        self.report = report
    }

    /// The error's message, naming the inputs and the first files skipped.
    public var description: String { error.description }
}
