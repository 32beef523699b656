import Foundation

/// A request to stop a running build, set from a signal handler and read between volumes.
///
/// Once requested, no further volume is started; the books being written finish (each is renamed into place
/// and recorded in the catalog whole), so an interrupted build leaves only complete books and a run of the
/// same command finishes the rest. A lock rather than `Synchronization.Atomic`, which needs macOS 15.
public final class BuildInterruption: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false

    /// A build not (yet) asked to stop.
    public init() {}

    /// Asks the build to stop; returns whether it had been asked before (a second Ctrl-C).
    @discardableResult
    public func request() -> Bool {
        lock.withLock {
            defer { requested = true }
            return requested
        }
    }

    /// Whether a stop was requested.
    public var isRequested: Bool {
        lock.withLock { requested }
    }
}
