/// What a `SheafBuild` did: the report of every run, the recipes that could not be built, and whether it was
/// interrupted.
public struct BuildOutcome: Sendable, Equatable {
    /// Every run's report, in build order.
    public var report: BuildReport
    /// The recipes that could not be built at all (their input missing), by name.
    public var failedRecipes: [String]
    /// The build was stopped before all its books were made (see `BuildInterruption`).
    public var interrupted: Bool

    /// The outcome of runs that gave `report`, with `failedRecipes` failed.
    public init(report: BuildReport, failedRecipes: [String] = [], interrupted: Bool = false) {
        self.report = report
        self.failedRecipes = failedRecipes
        self.interrupted = interrupted
    }

    /// Whether every book was written and copied (and, when `strict`, no input file was skipped): `sheaf build`
    /// exits 0 then, and 1 otherwise.
    public func succeeded(strict: Bool = false) -> Bool {
        failedRecipes.isEmpty && report.failedVolumes.isEmpty
            && !report.sideloaded.contains { $0.status == .failed } && !(strict && !report.skipped.isEmpty)
    }
}
