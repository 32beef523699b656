import Foundation

/// Writes a `Book` to an `.epub` file: `mimetype` first and stored, then the package files and content.
struct EPUBWriter: Sendable {
    init() {}

    /// Writes the book atomically to `path`, creating its folder if missing: the archive is written under a
    /// hidden marked name beside it (`BookFile.temporaryPath`) and renamed into place once whole and accepted,
    /// so an interrupted or failed write leaves whatever `path` held. A book given up to it
    /// (`write(consume book, …)`) leaves memory file by file as the archive is written.
    /// Its entries are deflated on up to `jobs` threads; the bytes are the same whatever `jobs` is.
    /// `accept` sees the archive's size before it is moved into place; what it throws fails the write.
    func write(_ book: consuming Book, to path: String, jobs: Int = 1,
                      accept: (_ size: Int) throws -> Void = { _ in }) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw SheafError(stage: .write, file: path, "cannot create folder \(folder): \(error.localizedDescription)")
            }
        }
        let modified = book.metadata.modified
        let entries = Self.entries(of: book)
        _ = consume book
        let temporary = BookFile.temporaryPath(for: path)
        do {
            try EPUBArchive.write(consume entries, modified: modified, to: temporary, jobs: jobs)
            let size = ((try? FileManager.default.attributesOfItem(atPath: temporary))?[.size] as? NSNumber)?.intValue ?? 0
            try accept(size)
            guard rename(temporary, path) == 0 else {
                throw SheafError(stage: .write, file: path, "cannot move the book into place: \(String(cString: strerror(errno)))")
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Every file of the archive, in the order written.
    static func entries(of book: Book) -> [EPUBArchive.Entry] {
        let package = { (name: String) in Book.packageFolder + "/" + name }
        return [
            EPUBArchive.Entry(path: "mimetype", contents: Data("application/epub+zip".utf8), compressed: false),
            EPUBArchive.Entry(path: "META-INF/container.xml", contents: Data(PackageDocument.container.utf8),
                              compressed: true),
            EPUBArchive.Entry(path: package(PackageDocument.href), contents: Data(PackageDocument.xml(for: book).utf8),
                              compressed: true),
            EPUBArchive.Entry(path: package(NCXDocument.href), contents: Data(NCXDocument.xml(for: book).utf8),
                              compressed: true),
        ] + book.resources.map { resource in
            EPUBArchive.Entry(path: resource.path, held: resource.held,
                              compressed: !storedAsTheyAre.contains(resource.mediaType))
        }
    }

    /// Formats compressed already, stored as they are (as `zip -n .jpg:.png:.gif` does): deflate gains a percent
    /// or two on them for the time it takes to compress them again.
    static let storedAsTheyAre: Set<String> = ["image/jpeg", "image/png", "image/gif"]
}
