import Dispatch
import Foundation
import SheafKit

/// SIGINT and SIGTERM turned into a `BuildInterruption` while a build runs.
///
/// The first signal asks the build to stop after the books being written; a second one exits at once
/// (status 130), leaving at most libzip temporary files, which the next run in that folder removes.
final class StopSignals {
    static let exitStatus: Int32 = 130
    let interruption = BuildInterruption()
    private let sources: [any DispatchSourceSignal]

    init() {
        let interruption = interruption
        sources = [SIGINT, SIGTERM].map { number in
            // Dispatch sees the signal only when its default action (ending the process) is off.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if interruption.request() {
                    FileHandle.standardError.write(Data("\nsheaf: stopped at once\n".utf8))
                    exit(Self.exitStatus)
                }
                FileHandle.standardError.write(Data(
                    "\nsheaf: interrupted: finishing the books being written (again to stop at once)\n".utf8))
            }
            source.resume()
            return source
        }
    }

    /// Gives the signals their default action back.
    func stop() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
