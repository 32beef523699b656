import CLibZip
import Foundation

/// The zip container of an EPUB, written with libzip: the one file that talks to libzip.
///
/// libzip writes into a temporary file beside the destination (`PATH.XXXXXX`) and renames it into place on close,
/// so a failed write leaves an existing file untouched. `EPUBWriter` gives it a marked destination
/// (`.sheaf-tmp.NAME.epub`), so that its temporary file carries Sheaf's mark too.
enum EPUBArchive {
    /// One file of the archive.
    struct Entry: Sendable, Equatable {
        var path: String
        /// The entry's bytes: as they are, or deflated already (then the entry is deflated).
        var held: HeldBytes
        /// Deflated, or stored as-is (the `mimetype` entry must be stored).
        var compressed: Bool

        init(path: String, held: HeldBytes, compressed: Bool) {
            (self.path, self.held, self.compressed) = (path, held, compressed || held.isDeflated)
        }

        init(path: String, contents: Data, compressed: Bool) {
            self.init(path: path, held: .plain(contents), compressed: compressed)
        }
    }

    /// Writes `entries` in order, all stamped with `modified` (UTC, as DOS time), to `path`.
    ///
    /// libzip reads and compresses every entry only at `zip_close`; each entry's bytes are handed to it as a
    /// callback source that lets go of them as soon as they are read, so the entries the caller gives up
    /// (`consuming`) leave memory one by one instead of all at the end.
    ///
    /// The entries to compress are deflated first, on up to `jobs` threads (`RawDeflate`), then copied by libzip
    /// as they are: the same bytes whatever `jobs` is.
    static func write(_ entries: consuming [Entry], modified: BookTimestamp, to path: String, jobs: Int = 1) throws {
        let deflated = try deflate(entries, jobs: jobs)
        var openError: Int32 = 0
        guard let archive = openTurns.withLock({ zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &openError) }) else {
            throw SheafError(stage: .write, file: path, "cannot create archive: \(describe(openError))")
        }
        var isClosed = false
        // Until `zip_close` succeeds the archive is still open: discarding it removes the temporary file.
        defer { if !isClosed { zip_discard(archive) } }
        let stamp = modified.dosDateTime
        for index in entries.indices {
            let held = try deflated[index].map { HeldBytes.deflated(try $0.get()) } ?? entries[index].held
            entries[index].held = .plain(Data())
            try add(entries[index], bytes: EntryBytes(held), stamp: stamp, to: archive, path: path)
        }
        guard zip_close(archive) == 0 else {
            throw SheafError(stage: .write, file: path, "cannot write archive: \(String(cString: zip_strerror(archive)))")
        }
        isClosed = true
    }

    /// libzip 1.7.3 fills two static masks on its first `zip_open`, unlocked and one after the other: a second
    /// first open on another thread can see one mask filled and the other not, and fail with "Read-only archive"
    /// although nothing is read-only. An open is a `stat`, so the opens of parallel volumes take turns.
    private static let openTurns = NSLock()

    // MARK: - Entries

    /// Each compressed text entry deflated (nil for the others), in entry order. Images are left to libzip, which
    /// streams them: deflated ahead, a book of hundreds of pictures would sit in memory twice.
    private static func deflate(_ entries: [Entry], jobs: Int) throws -> [Result<RawDeflate, SheafError>?] {
        entries.parallelMap(jobs: jobs) { entry in
            guard entry.compressed, case .plain(let contents) = entry.held,
                  !entry.path.hasPrefix(Book.packageFolder + "/" + BookImage.folder + "/") else {
                return nil
            }
            do { return .success(try RawDeflate(contents)) } catch {
                return .failure(error as? SheafError ?? SheafError(stage: .write, "\(error)"))
            }
        }
    }

    private static func add(_ entry: Entry, bytes: EntryBytes, stamp: (date: UInt16, time: UInt16),
                            to archive: OpaquePointer, path: String) throws {
        let failure = { (what: String) in
            SheafError(stage: .write, file: path, "\(what) \(entry.path): \(String(cString: zip_strerror(archive)))")
        }
        let owner = Unmanaged.passRetained(bytes).toOpaque()
        guard let source = zip_source_function(archive, EntryBytes.callback, owner) else {
            Unmanaged<EntryBytes>.fromOpaque(owner).release()
            throw failure("cannot stream")
        }
        let index = zip_file_add(archive, entry.path, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
        guard index >= 0 else {
            zip_source_free(source)
            throw failure("cannot add")
        }
        let entryIndex = zip_uint64_t(index)
        let method = entry.compressed ? ZIP_CM_DEFLATE : ZIP_CM_STORE
        // DOS time rather than `zip_file_set_mtime`, which goes through localtime() and so through TZ.
        guard zip_set_file_compression(archive, entryIndex, method, entry.compressed ? UInt32(RawDeflate.level) : 0) == 0,
              zip_file_set_dostime(archive, entryIndex, stamp.time, stamp.date, 0) == 0,
              zip_file_set_external_attributes(archive, entryIndex, 0, zip_uint8_t(ZIP_OPSYS_UNIX),
                                               zip_uint32_t(0o100644) << 16) == 0
        else { throw failure("cannot set attributes of") }
    }

    private static func describe(_ code: Int32) -> String {
        var error = zip_error_t()
        zip_error_init_with_code(&error, code)
        defer { zip_error_fini(&error) }
        return String(cString: zip_error_strerror(&error))
    }
}
