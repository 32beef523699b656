import Foundation

/// Path arithmetic and file-system questions for the scanner, on plain `/`-separated strings.
///
/// Paths stay as the user wrote them (joined with walked names); absolute forms are only used to compare
/// files and to look upward for a collection root.
enum InputPath {
    /// What a path names, following symbolic links.
    enum Kind: Equatable {
        case folder, file, brokenLink
        case missing(String)
    }

    static func kind(of path: String) -> Kind {
        var info = stat()
        if stat(path, &info) == 0 {
            return (info.st_mode & S_IFMT) == S_IFDIR ? .folder : .file
        }
        let error = errno
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK, error == ENOENT { return .brokenLink }
        return .missing(describe(errno: error))
    }

    static func isFolder(_ path: String) -> Bool {
        kind(of: path) == .folder
    }

    /// Whether the path itself is a symbolic link (not following it).
    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// Whether the real path `real` is `root` or lies below it (both resolved, without trailing `/`).
    static func isInside(_ real: String, root: String) -> Bool {
        root == "/" || real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// The path with every symbolic link resolved, or nil when it cannot be resolved.
    static func real(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// What reading a whole file gave.
    enum FileContents: Equatable {
        case bytes([UInt8])
        /// A FIFO, device, socket or folder: never read, as it could block or never end.
        case notRegular
        /// Larger than the limit: not read; its size in bytes.
        case tooLarge(Int)
        case unreadable(String)
    }

    /// The bytes of the regular file at `path` (links followed), up to `limit`: one open, one fstat, reads.
    ///
    /// Opened without blocking, so a FIFO is recognised by its type rather than waited on.
    static func contents(of path: String, limit: Int) -> FileContents {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .unreadable(describe(errno: errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .unreadable(describe(errno: errno)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .notRegular }
        let size = Int(info.st_size)
        guard size <= limit else { return .tooLarge(size) }
        var failure: Int32 = 0
        // A file that grew since the fstat is read up to its size then; one that shrank, as far as it goes.
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let got = read(descriptor, buffer.baseAddress! + count, size - count)
                if got < 0, errno == EINTR { continue }
                if got < 0 { failure = errno }
                guard got > 0 else { break }
                count += got
            }
        }
        return failure == 0 ? .bytes(bytes) : .unreadable(describe(errno: failure))
    }

    /// Up to `count` bytes of the start of the regular file at `path`; nil when it is no regular file or cannot be
    /// read. Opened without blocking, as `contents` does: a FIFO is never waited on.
    static func firstBytes(of path: String, count: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: count)
        let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, count) }
        return got < 0 ? nil : Array(bytes.prefix(got))
    }

    /// The file name's last extension in lower case (`docx` for `a.DOCX`); nil for a name without one.
    static func fileExtension(of name: String) -> String? {
        let last = lastComponent(name)
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex, last.index(after: dot) != last.endIndex
        else { return nil }
        return last[last.index(after: dot)...].lowercased()
    }

    /// `path` made absolute against the working folder, with `.`, `..` and repeated `/` removed lexically.
    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : join(FileManager.default.currentDirectoryPath, path)
        // `..` above `/` stays at `/`.
        return "/" + lexicalComponents(full).filter { $0 != ".." }.joined(separator: "/")
    }

    /// The path's components with `.` dropped and each `..` taking away the component before it, on the text
    /// alone (links are not followed); a `..` with nothing before it to take away stays, so the result says
    /// whether the path climbs above where it starts.
    static func lexicalComponents(_ path: String) -> [Substring] {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == "..", let last = parts.last, last != ".." { parts.removeLast() } else { parts.append(part) }
        }
        return parts
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The folder holding `absolutePath` (`/` for a top-level entry).
    static func parent(_ absolutePath: String) -> String {
        guard let slash = absolutePath.lastIndex(of: "/"), slash != absolutePath.startIndex else { return "/" }
        return String(absolutePath[..<slash])
    }

    /// The last component of a path, ignoring trailing slashes.
    static func lastComponent(_ path: String) -> String {
        String(path.split(separator: "/").last ?? "")
    }

    /// The file name without its last extension (`407787` for `pages/73/407787.md`).
    static func stem(of path: String) -> String {
        var name = lastComponent(path)
        // A compressed file's stem is its content's: `page.html.gz` → `page`, `crawl.warc.gz` → `crawl`.
        if name.lowercased().hasSuffix(".gz"), name.count > 3 { name = String(name.dropLast(3)) }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// The name of the folder holding `path`: its channel.
    static func folderName(of path: String) -> String {
        let components = path.split(separator: "/")
        if components.count >= 2, let name = components.dropLast().last, name != ".", name != ".." {
            return String(name)
        }
        let folder = parent(absolute(path))
        return lastComponent(real(folder) ?? folder)
    }

    /// Byte order of UTF-8, independent of Unicode normalization and locale.
    static func byteOrder(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    static func describe(errno code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file or folder"
        case EACCES: return "permission denied"
        case ELOOP: return "too many symbolic links (a loop?)"
        case ENOTDIR: return "a path component is not a folder"
        case EISDIR: return "a folder, not a file"
        case EIO: return "input/output error"
        default: return "error \(code)"
        }
    }

    /// A short reason for a Foundation file error: the POSIX one when known.
    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return describe(errno: Int32(nsError.code)) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain {
            return describe(errno: Int32(underlying.code))
        }
        switch nsError.code {
        case NSFileReadNoPermissionError: return "permission denied"
        case NSFileReadNoSuchFileError: return "no such file or folder"
        default: return nsError.localizedDescription
        }
    }
}
