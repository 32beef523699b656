import Foundation

/// A book file in the output folder: its size and hash as the catalog checks them, and the marked names it is
/// written under before it is complete.
enum BookFile {
    /// Size and `FNV1a` hex of the file, or nil when it cannot be read.
    static func measure(_ path: String) -> (size: Int, hash: String)? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var hash = FNV1a()
        hash.update(data)
        return (data.count, hash.hex)
    }

    /// Whether the file is still the one recorded; the size is checked first, which is nearly free.
    static func matches(_ path: String, size: Int, hash: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              (attributes[.size] as? NSNumber)?.intValue == size,
              let measured = measure(path) else { return false }
        return measured.size == size && measured.hash == hash
    }

    // MARK: - Temporary files

    /// Every file Sheaf writes into an output folder before it is complete has a name starting so: the book
    /// itself (`.sheaf-tmp.NAME.epub`, renamed into place once whole), libzip's own temporary beside it
    /// (`.sheaf-tmp.NAME.epub.XXXXXX`) and a spill of pages (`.sheaf-tmp.pages.XXXXXX`). A leftover is told
    /// from the user's files by this mark alone, never by a name that merely looks like a copy of a book.
    static let temporaryPrefix = ".sheaf-tmp."

    /// The hidden path a book is written under before it is renamed to `path`, in the same folder.
    static func temporaryPath(for path: String) -> String {
        InputPath.join((path as NSString).deletingLastPathComponent, temporaryPrefix + (path as NSString).lastPathComponent)
    }

    /// Removes what a killed run left in the output folder: the regular files under Sheaf's marked names.
    /// Only called under the folder's lock, so no running build's temporary file is taken.
    static func removeLeftovers(in folder: String) {
        removeRegularFiles(in: folder, where: isLeftover)
    }

    /// Whether `name` is one of Sheaf's temporary names (also `.sheaf-pages.XXXXXX`, as earlier versions spilt).
    static func isLeftover(_ name: String) -> Bool {
        name.hasPrefix(temporaryPrefix) && name.count > temporaryPrefix.count
            || name.hasPrefix(".sheaf-pages.") && name.count == ".sheaf-pages.".count + 6
    }

    /// Removes the entries of `folder` named as `matches` says that are regular files: never a folder (nor what
    /// is in it), never a symbolic link (nor what it points to).
    static func removeRegularFiles(in folder: String, where matches: (String) -> Bool) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where matches(name) {
            let path = InputPath.join(folder, name)
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
            unlink(path)
        }
    }
}
