import Foundation

/// A WARC file (ISO 28500, WARC 1.0 and 1.1) as crawlers and "save to archive" tools write it: plain `.warc`,
/// `.warc.gz` with one gzip member per record, or a whole `.warc` gzipped as one member.
///
/// The file is mapped, not read: walking an archive of several gigabytes keeps only record headers. A walk
/// never stops at a bad record: a lying `Content-Length`, junk between records or a damaged gzip member is
/// reported with the record's offset, and the walk goes on at the next record start it can find.
struct WARCFile: Sendable {
    /// How the records lie in the file.
    enum Layout: Sendable, Equatable {
        /// Records one after the other, uncompressed.
        case plain
        /// One gzip member per record; a record's offset is its member's.
        case gzipMembers
        /// The whole file gzipped as one stream, inflated into memory; offsets are in the inflated bytes.
        case gzippedWhole
    }

    /// What a walk found: the records in file order and the problems met on the way.
    struct Walk: Sendable, Equatable {
        var records: [WARCRecord] = []
        var problems: [WebArchiveProblem] = []
    }

    /// A record read again with its block.
    struct Loaded: Sendable, Equatable {
        var record: WARCRecord
        /// The record's block: `Content-Length` bytes (an HTTP message, a resource's bytes…).
        var block: [UInt8]
    }

    /// How the records lie in the file.
    let layout: Layout
    /// Problems found on opening (a whole-file gzip stream cut short or too large), reported by every walk.
    let openingProblems: [WebArchiveProblem]
    private let storage: Storage

    /// The archive at `path`, mapped; the reason when it cannot be read at all.
    init(path: String) throws(WebArchiveProblem) {
        let file = try MappedFile(path: path)
        let bytes = file.bytes
        guard GzipStream.hasGzipMagic(bytes) else {
            (layout, openingProblems, storage) = (.plain, [], .mapped(file))
            return
        }
        guard Self.isGzippedWhole(bytes) else {
            (layout, openingProblems, storage) = (.gzipMembers, [], .mapped(file))
            return
        }
        let inflated = GzipStream.decompress(bytes, limit: WebArchiveLimits.wholeArchiveBytes)
        layout = .gzippedWhole
        storage = .inflated(inflated.bytes)
        openingProblems = inflated.problem.map {
            [WebArchiveProblem(at: nil, "the archive is gzipped whole and \($0): records past the first "
                + "\(GzipStream.megabytes(inflated.bytes.count)) are not read")]
        } ?? []
    }

    // MARK: - Walking

    /// Every record's headers, in file order, with the problems met.
    func walk() -> Walk {
        var walk = Walk()
        walk.problems = self.walk { walk.records.append($0) }
        return walk
    }

    /// Calls `each` with every record's headers in file order; returns the problems met on the way.
    func walk(_ each: (WARCRecord) -> Void) -> [WebArchiveProblem] {
        storage.withBytes { bytes in
            var problems = openingProblems
            var position = layout == .gzipMembers ? 0 : WARCScan.skipLineEnds(bytes, from: 0)
            while position < bytes.count {
                if layout == .gzipMembers, WARCScan.isPadding(bytes, from: position) { break }
                let step = layout == .gzipMembers ? Self.memberStep(bytes, at: position)
                    : Self.plainStep(bytes, at: position)
                switch step {
                case .record(let record, let next):
                    each(record)
                    position = next
                case .problem(let problem, let resume):
                    problems.append(problem)
                    guard let resume else { return problems }
                    position = resume
                }
            }
            return problems
        }
    }

    /// One step of a walk: a record and where the next one starts, or a problem and where to look again (nil:
    /// nowhere, the walk is over).
    enum Step {
        case record(WARCRecord, next: Int)
        case problem(WebArchiveProblem, resume: Int?)
    }

    // MARK: - Reading one record

    /// The record whose offset a walk gave, with its block; a block larger than `limit` is not read.
    func record(at offset: Int, limit: Int = WebArchiveLimits.blockBytes) -> Result<Loaded, WebArchiveProblem> {
        storage.withBytes { bytes in
            guard offset >= 0, offset < bytes.count else {
                return .failure(WebArchiveProblem(at: offset, "no record: the offset is past the end of the archive"))
            }
            return layout == .gzipMembers ? Self.loadMember(bytes, at: offset, limit: limit)
                : Self.loadPlain(bytes, at: offset, limit: limit)
        }
    }

    /// The record at `offset` of uncompressed records, with its block.
    private static func loadPlain(_ bytes: UnsafeRawBufferPointer, at offset: Int, limit: Int)
        -> Result<Loaded, WebArchiveProblem> {
        let record: WARCRecord, blockStart: Int
        switch WARCScan.header(bytes, at: offset) {
        case .success(let found): (record, blockStart) = found
        case .failure(let problem): return .failure(problem)
        }
        if let tooLarge = Self.tooLarge(record, limit: limit) { return .failure(tooLarge) }
        guard record.contentLength <= bytes.count - blockStart else {
            return .failure(WebArchiveProblem(at: offset, "truncated record: the file ends inside its block"))
        }
        let block = [UInt8](bytes[blockStart..<(blockStart + record.contentLength)])
        return .success(Loaded(record: record, block: block))
    }

    /// The record in the gzip member at `offset`, with its block: headers first, then the block if it fits.
    private static func loadMember(_ bytes: UnsafeRawBufferPointer, at offset: Int, limit: Int)
        -> Result<Loaded, WebArchiveProblem> {
        let start = GzipStream.member(in: bytes, at: offset, limit: WebArchiveLimits.headerBytes, findsEnd: false)
        var record: WARCRecord, blockStart: Int
        switch start.bytes.withUnsafeBytes({ WARCScan.header($0, at: 0) }) {
        case .success(let found): (record, blockStart) = found
        case .failure(let problem):
            let reason = start.problem.map { "cannot read the record's gzip member: \($0)" } ?? problem.reason
            return .failure(WebArchiveProblem(at: offset, reason))
        }
        record.offset = offset
        if let tooLarge = Self.tooLarge(record, limit: limit) { return .failure(tooLarge) }
        let end = blockStart + record.contentLength
        let whole = GzipStream.member(in: bytes, at: offset, limit: end, findsEnd: false)
        guard whole.bytes.count >= end else {
            let reason = whole.problem.map(String.init(describing:)) ?? "the member ends inside the block"
            return .failure(WebArchiveProblem(at: offset, "cannot read the record's block: \(reason)"))
        }
        return .success(Loaded(record: record, block: Array(whole.bytes[blockStart..<end])))
    }

    /// The reason a record's block is not read, when it is larger than `limit`.
    private static func tooLarge(_ record: WARCRecord, limit: Int) -> WebArchiveProblem? {
        guard record.contentLength > limit else { return nil }
        return WebArchiveProblem(at: record.offset, "\(WARCScan.describe(record)) is skipped: its block is "
            + "\(record.contentLength / 1_048_576) MB, more than the limit of \(GzipStream.megabytes(limit))")
    }
}

// MARK: - Storage

extension WARCFile {
    /// Where the archive's bytes are: mapped from the file, or inflated into memory.
    private enum Storage: Sendable {
        case mapped(MappedFile)
        case inflated([UInt8])

        func withBytes<T>(_ body: (UnsafeRawBufferPointer) -> T) -> T {
            switch self {
            case .mapped(let file): return body(file.bytes)
            case .inflated(let bytes): return bytes.withUnsafeBytes(body)
            }
        }
    }

    /// Whether the first gzip member holds more than its first record: the whole file was gzipped at once.
    static func isGzippedWhole(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let first = GzipStream.member(in: bytes, at: 0, limit: WebArchiveLimits.headerBytes, findsEnd: true)
        let header = first.bytes.withUnsafeBytes { WARCScan.header($0, at: 0) }
        guard case .success(let (record, blockStart)) = header else { return false }
        // A record's member ends with its block and the two line ends after it.
        return first.size > blockStart + record.contentLength + 4
    }
}
