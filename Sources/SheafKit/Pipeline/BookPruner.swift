import Foundation

/// Deletes the books `--prune` may delete, each only when it is provably the book the catalog recorded: a plain
/// file name inside the output folder, a regular file (not a link, not a folder) of the recorded size and hash.
/// Anything else is left alone, with a warning naming the file and why.
///
/// The file goes first, then its rows: a run killed in between finds rows whose file is gone, and forgets them.
struct BookPruner {
    let folder: String
    let catalog: Catalog

    /// The paths deleted (or already gone), and a warning per book left alone.
    func prune(_ books: [CatalogBook]) throws -> (pruned: [String], notes: [Diagnostic]) {
        var pruned: [String] = []
        var notes: [Diagnostic] = []
        for book in books {
            let path = InputPath.join(folder, book.file)
            switch Self.check(book, at: path) {
            case .missing:
                break
            case .refused(let reason):
                notes.append(Diagnostic(.warning, stage: .write, file: path, "not pruned: " + reason))
                continue
            case .recorded:
                do {
                    try FileManager.default.removeItem(atPath: path)
                } catch {
                    throw SheafError(stage: .write, file: path, "cannot prune the book: \(error.localizedDescription)")
                }
            }
            try catalog.remove(book: book.file)
            pruned.append(path)
        }
        return (pruned, notes)
    }

    enum Finding: Equatable {
        /// Nothing by that name: only the rows are left to forget.
        case missing
        /// The file the catalog recorded.
        case recorded
        case refused(String)
    }

    /// What is at `path` where the catalog says `book` is. Checks the name first, then the file itself (`lstat`:
    /// a link is never followed).
    static func check(_ book: CatalogBook, at path: String) -> Finding {
        let name = book.file
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix("."), !name.contains("\0") else {
            return .refused("the catalog names '\(name)', which is not a plain file name inside the output folder")
        }
        var info = stat()
        guard lstat(path, &info) == 0 else {
            return errno == ENOENT ? .missing : .refused("cannot inspect it: \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return .refused(info.st_mode & S_IFMT == S_IFLNK ? "it is a symbolic link, not the book written"
                            : "it is not a regular file (a folder?), not the book written")
        }
        guard BookFile.matches(path, size: book.fileSize, hash: book.fileHash) else {
            return .refused("it changed since it was written (its size or hash differs from the catalog's record)")
        }
        return .recorded
    }
}
