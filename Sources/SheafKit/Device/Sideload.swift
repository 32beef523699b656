import Foundation

/// Copies finished books into a folder — a mounted reader's, or any — each atomically (a temporary file in the
/// folder, then a rename), leaving alone the books already there byte for byte.
///
/// A book that cannot be copied is reported and the others are still copied.
public struct Sideload: Sendable {
    /// What became of one book.
    public struct Copy: Sendable, Equatable, Codable {
        /// Copied now, already there byte for byte, or not copied (see `error`).
        public enum Status: String, Sendable, Codable { case copied, unchanged, failed }
        /// The book as written in the output folder.
        public var book: String
        /// Where it is (or was to be) in the sideload folder.
        public var file: String
        /// What became of the book.
        public var status: Status
        /// Why the book could not be copied.
        public var error: String?
    }

    /// The folder books are copied into.
    public let folder: String

    /// Copies into `folder`.
    public init(folder: String) { self.folder = folder }

    /// Fails, naming the folder, when it is missing, not a folder, or not writable: checked before any book is made.
    public func checkFolder() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            throw SheafError(stage: .write, file: folder, "cannot copy books here: no such folder (is the reader mounted?)")
        }
        guard isFolder.boolValue else {
            throw SheafError(stage: .write, file: folder, "cannot copy books here: it is a file, not a folder")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw SheafError(stage: .write, file: folder, "cannot copy books here: the folder is not writable")
        }
    }

    /// Copies each book, in order, unless the folder holds the same bytes under its name already; first removes
    /// the temporary files a run killed while copying left behind (regular files of that name only).
    /// Once `interruption` is requested no further book is copied: the one being copied is finished (or, when
    /// it fails, removed), and only the books copied or looked at are returned. `onEach` sees each as it is done.
    public func copy(_ books: [String], interruption: BuildInterruption? = nil,
                     onEach: (Copy) -> Void = { _ in }) -> [Copy] {
        BookFile.removeRegularFiles(in: folder) { $0.hasPrefix(".") && $0.hasSuffix(Self.temporarySuffix) }
        var copies: [Copy] = []
        for book in books {
            if interruption?.isRequested == true { break }
            let made = copy(book)
            copies.append(made)
            onEach(made)
        }
        return copies
    }

    /// Copies one book.
    func copy(_ book: String) -> Copy {
        let name = (book as NSString).lastPathComponent
        let target = InputPath.join(folder, name)
        var result = Copy(book: book, file: target, status: .copied, error: nil)
        do {
            guard let data = FileManager.default.contents(atPath: book) else {
                throw SheafError(stage: .write, file: book, "cannot read the book")
            }
            if Self.holds(target, data) {
                result.status = .unchanged
                return result
            }
            try write(data, to: target, temporary: InputPath.join(folder, Self.temporaryName(for: name)))
        } catch {
            result.status = .failed
            result.error = (error as? SheafError)?.reason ?? error.localizedDescription
        }
        return result
    }

    /// The temporary name a book is written under before it is renamed: hidden, so a reader indexing the folder
    /// meanwhile passes it over.
    static func temporaryName(for name: String) -> String { "." + name + temporarySuffix }

    static let temporarySuffix = ".sheaf-partial"

    /// Whether `path` holds exactly `data`: the size is compared first, which is nearly free.
    static func holds(_ path: String, _ data: Data) -> Bool {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber,
              size.intValue == data.count else { return false }
        return FileManager.default.contents(atPath: path) == data
    }

    private func write(_ data: Data, to target: String, temporary: String) throws {
        do {
            unlink(temporary)
            guard FileManager.default.createFile(atPath: temporary, contents: nil),
                  let handle = FileHandle(forWritingAtPath: temporary) else {
                throw SheafError(stage: .write, file: target, "cannot create a file in \(folder)")
            }
            do {
                try handle.write(contentsOf: data)
                // On a reader's storage the bytes must be on the device before the name points at them.
                try handle.synchronize()
            } catch {
                try? handle.close()
                throw error
            }
            try handle.close()
            guard rename(temporary, target) == 0 else {
                throw SheafError(stage: .write, file: target, "cannot rename the copy: \(String(cString: strerror(errno)))")
            }
        } catch {
            unlink(temporary)
            if let error = error as? SheafError { throw error }
            throw SheafError(stage: .write, file: target, "cannot copy the book: \(error.localizedDescription)")
        }
    }
}
