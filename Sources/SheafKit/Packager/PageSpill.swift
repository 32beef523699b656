import Foundation

/// A volume's deflated pages set aside in an unnamed file until the archive copies them, so a volume of any
/// size holds only the positions of its pages in memory.
///
/// The file is created in the output folder and unlinked at once: it has no name while it is written and read,
/// and disappears with its descriptor (a run killed in the instant between the two leaves a `.sheaf-tmp.pages.XXXXXX`
/// that the next run removes, see `BookFile.isLeftover`). Pages are appended from several rendering threads.
final class PageSpill: @unchecked Sendable {
    static let prefix = BookFile.temporaryPrefix + "pages."
    private let descriptor: Int32
    private let lock = NSLock()
    private var end = 0

    /// A spill file in `folder`; throws when it cannot be made.
    init(in folder: String) throws {
        var template = Array(InputPath.join(folder, Self.prefix + "XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard made >= 0 else {
            throw SheafError(stage: .write, file: folder, "cannot set pages aside: \(InputPath.describe(errno: errno))")
        }
        unlink(template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        descriptor = made
    }

    deinit { close(descriptor) }

    /// Writes `bytes` after the ones before; returns where they start.
    func append(_ bytes: UnsafeRawBufferPointer) throws -> Int {
        lock.lock()
        defer { lock.unlock() }
        var written = 0
        while written < bytes.count {
            let count = pwrite(descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(end + written))
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                throw SheafError(stage: .write, "cannot set pages aside: \(InputPath.describe(errno: errno))")
            }
            written += count
        }
        let start = end
        end += bytes.count
        return start
    }

    /// Reads `count` bytes from `offset` into `buffer`; returns how many were read (fewer only on an error).
    func read(offset: Int, count: Int, into buffer: UnsafeMutableRawPointer) -> Int {
        var done = 0
        while done < count {
            let got = pread(descriptor, buffer + done, count - done, off_t(offset + done))
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { break }
            done += got
        }
        return done
    }
}

/// A page deflated and set aside in a `PageSpill`: where its compressed bytes are, and what libzip records.
struct SpilledPage: Sendable {
    let spill: PageSpill
    let offset: Int
    let compressedSize: Int
    /// The size before compression, and the CRC-32 of those bytes.
    let size: Int
    let crc: UInt32

    init(_ deflated: RawDeflate, in spill: PageSpill) throws {
        offset = try deflated.bytes.withUnsafeBytes { try spill.append($0) }
        (self.spill, compressedSize, size, crc) = (spill, deflated.bytes.count, deflated.size, deflated.crc)
    }

    /// The page deflated again as it was (read back from the spill).
    func deflated() throws -> RawDeflate {
        var bytes = Data(count: compressedSize)
        let read = bytes.withUnsafeMutableBytes { spill.read(offset: offset, count: compressedSize, into: $0.baseAddress!) }
        guard read == compressedSize else { throw SheafError(stage: .write, "cannot read back a page set aside") }
        return RawDeflate(bytes: bytes, size: size, crc: crc)
    }
}
