import Foundation

/// A file's bytes mapped into memory read-only: a web archive of several gigabytes is paged in as it is read,
/// never copied whole. The mapping lives as long as this value. (A file cut short by another program while mapped
/// would fault when its lost pages are read: archives are inputs, not files written while Sheaf reads them.)
final class MappedFile: @unchecked Sendable {
    /// The file's bytes (empty for an empty file). Valid while the `MappedFile` lives.
    let bytes: UnsafeRawBufferPointer
    private let mapping: UnsafeMutableRawPointer?

    /// The regular file at `path` mapped; the reason in words when it cannot be.
    init(path: String) throws(WebArchiveProblem) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw WebArchiveProblem(at: nil, "cannot read file: \(InputPath.describe(errno: errno))")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw WebArchiveProblem(at: nil, "cannot read file: \(InputPath.describe(errno: errno))")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw WebArchiveProblem(at: nil, "not a regular file (a FIFO, device or socket?)")
        }
        let size = Int(info.st_size)
        guard size > 0 else {
            (mapping, bytes) = (nil, UnsafeRawBufferPointer(start: nil, count: 0))
            return
        }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw WebArchiveProblem(at: nil, "cannot map file: \(InputPath.describe(errno: errno))")
        }
        mapping = address
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    deinit {
        if let mapping { munmap(mapping, bytes.count) }
    }
}
