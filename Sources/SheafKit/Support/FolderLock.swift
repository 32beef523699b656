import Foundation

/// An advisory lock on an output folder, so that two runs never write into it at once: `flock` on
/// `.sheaf.lock` in the folder, which holds the holder's pid for the message a second run gives.
///
/// The kernel lets the lock go when its descriptor is closed, so a killed run never leaves the folder locked.
/// `flock` belongs to the open file description, not the process: each `acquire` opens the file anew, so a
/// second acquisition in the same process is refused (or waits) as another process's would be, and a run
/// must release its lock before the next run into the same folder takes it. The holder removes the file as it
/// lets go; a waiter that then finds the lock it got is no longer the file at the path tries again.
final class FolderLock {
    static let fileName = ".sheaf.lock"
    /// How often a waiting run looks whether the lock is free (and whether it was asked to stop meanwhile).
    static let retryMicroseconds: useconds_t = 100_000

    private let descriptor: Int32
    private let path: String
    private var isHeld = true

    private init(descriptor: Int32, path: String) {
        (self.descriptor, self.path) = (descriptor, path)
    }

    deinit { release() }

    /// Takes the lock on `folder`. When another run holds it: with `waits`, calls `waiting` once with that run's
    /// pid (nil when it has not written it yet) and waits until the lock is free — or returns nil as soon as
    /// `shouldStop` says so; without `waits`, throws at once naming the other run.
    static func acquire(_ folder: String, waits: Bool, shouldStop: () -> Bool = { false },
                        waiting: (Int32?) -> Void = { _ in }) throws -> FolderLock? {
        let path = InputPath.join(folder, fileName)
        var announced = false
        while true {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard descriptor >= 0 else { throw failure(folder, errno) }
            let held: Bool
            do {
                held = try lock(descriptor, folder: folder, waits: waits, shouldStop: shouldStop,
                                announced: &announced, waiting: waiting)
            } catch {
                close(descriptor)
                throw error
            }
            guard held, isFile(descriptor, at: path) else {
                close(descriptor)
                // Stopped; or the run before let go and removed the file: lock the one now at the path.
                if held { continue } else { return nil }
            }
            let lock = FolderLock(descriptor: descriptor, path: path)
            lock.recordPid()
            return lock
        }
    }

    /// Takes the `flock` on `descriptor`: true once held, false when `shouldStop` said so while waiting.
    /// `waiting` is told of the holder unless `announced` says it was already.
    private static func lock(_ descriptor: Int32, folder: String, waits: Bool, shouldStop: () -> Bool,
                             announced: inout Bool, waiting: (Int32?) -> Void) throws -> Bool {
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else { throw failure(folder, errno) }
            guard waits else {
                throw SheafError(stage: .write, file: folder, "\(describe(holder(of: descriptor))) is building into this "
                                 + "folder; try again when it has finished, or without --no-wait to wait for it")
            }
            if !announced { waiting(holder(of: descriptor)) }
            announced = true
            if shouldStop() { return false }
            // A poll rather than a blocking flock, so that Ctrl-C (which only sets a flag) ends the wait.
            usleep(retryMicroseconds)
        }
        return true
    }

    private static func failure(_ folder: String, _ code: Int32) -> SheafError {
        SheafError(stage: .write, file: folder, "cannot lock the folder (\(fileName)): \(InputPath.describe(errno: code))")
    }

    /// Removes the lock file and lets the lock go; the next run waiting for it takes it.
    func release() {
        guard isHeld else { return }
        isHeld = false
        if Self.isFile(descriptor, at: path) { unlink(path) }
        close(descriptor)
    }

    /// "another sheaf (pid 4242)", or without the pid when the holder has not written it yet.
    static func describe(_ holder: Int32?) -> String {
        holder.map { "another sheaf (pid \($0))" } ?? "another sheaf"
    }

    // MARK: - The file

    private func recordPid() {
        let text = Array("\(getpid())\n".utf8)
        // Only for the message another run gives: the lock holds whether or not the pid is written.
        if ftruncate(descriptor, 0) == 0 {
            _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        }
    }

    private static func holder(of descriptor: Int32) -> Int32? {
        var bytes = [UInt8](repeating: 0, count: 32)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: bytes[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Int32(text).flatMap { $0 > 0 ? $0 : nil }
    }

    /// Whether `descriptor` is the file now at `path` (not one removed or replaced since it was opened).
    private static func isFile(_ descriptor: Int32, at path: String) -> Bool {
        var opened = stat(), named = stat()
        guard fstat(descriptor, &opened) == 0, lstat(path, &named) == 0 else { return false }
        return opened.st_dev == named.st_dev && opened.st_ino == named.st_ino
    }
}
