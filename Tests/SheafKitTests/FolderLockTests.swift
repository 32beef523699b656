import Foundation
import Testing
@testable import SheafKit

@Suite struct FolderLockTests {
    @Test func aSecondHolderIsRefusedNamingTheFirstUntilItLetsGo() throws {
        let scratch = try Scratch()
        let folder = scratch.path("")
        let first = try #require(try FolderLock.acquire(folder, waits: false))
        let lockFile = folder + "/" + FolderLock.fileName
        #expect(FileManager.default.contents(atPath: lockFile) == Data("\(getpid())\n".utf8))
        // Another open file description: refused as another process would be.
        #expect(throws: SheafError.self) { try FolderLock.acquire(folder, waits: false) }
        do {
            _ = try FolderLock.acquire(folder, waits: false)
        } catch let error as SheafError {
            #expect(error.file == folder)
            #expect(error.reason.contains("another sheaf (pid \(getpid())) is building into this folder"), "\(error.reason)")
        }
        first.release()
        #expect(!FileManager.default.fileExists(atPath: lockFile))
        let second = try #require(try FolderLock.acquire(folder, waits: false))
        second.release()
    }

    @Test func aWaitingHolderSaysSoOnceAndGetsTheLockWhenItIsFree() throws {
        let scratch = try Scratch()
        let folder = scratch.path("")
        let first = try #require(try FolderLock.acquire(folder, waits: false))
        let announced = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        Thread.detachNewThread {
            let lock = try? FolderLock.acquire(folder, waits: true, waiting: { pid in
                outcome.add(pid)
                announced.signal()
            })
            outcome.acquired = lock != nil
            lock?.release()
            done.signal()
        }
        announced.wait()
        first.release()
        done.wait()
        #expect(outcome.pids == [getpid()])
        #expect(outcome.acquired)
    }

    @Test func aWaitGivesUpWhenTheRunIsStopped() throws {
        let scratch = try Scratch()
        let folder = scratch.path("")
        let first = try #require(try FolderLock.acquire(folder, waits: false))
        defer { first.release() }
        var waited = 0
        let lock = try FolderLock.acquire(folder, waits: true, shouldStop: { true }, waiting: { _ in waited += 1 })
        #expect(lock == nil)
        #expect(waited == 1)
    }

    /// What the waiting thread saw.
    final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [Int32?] = []
        private var got = false
        func add(_ pid: Int32?) { lock.withLock { seen.append(pid) } }
        var pids: [Int32?] { lock.withLock { seen } }
        var acquired: Bool {
            get { lock.withLock { got } }
            set { lock.withLock { got = newValue } }
        }
    }
}
