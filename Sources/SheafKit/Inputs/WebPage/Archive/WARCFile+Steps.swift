/// The walk's steps: one record read, checked against what follows it, or a problem and where to go on.
extension WARCFile {
    /// The uncompressed record at `offset`, or why it is skipped and where the next record starts.
    static func plainStep(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Step {
        guard WARCScan.startsRecord(bytes, at: offset) else {
            let resume = WARCScan.recordStart(bytes, after: offset)
            let skipped = (resume ?? bytes.count) - offset
            let reason = offset == 0 && resume == nil ? "not a WARC file: no record starts at its first byte"
                : "no WARC record starts here: \(skipped) bytes skipped"
                + (resume.map { " up to the next record, at byte \($0)" } ?? " to the end of the file")
            return .problem(WebArchiveProblem(at: offset, reason), resume: resume)
        }
        let record: WARCRecord, blockStart: Int
        switch WARCScan.header(bytes, at: offset) {
        case .success(let found): (record, blockStart) = found
        case .failure(let problem): return .problem(problem, resume: WARCScan.recordStart(bytes, after: offset))
        }
        let (blockEnd, overflow) = blockStart.addingReportingOverflow(record.contentLength)
        if !overflow, let next = WARCScan.nextRecord(bytes, afterBlockEndingAt: blockEnd) {
            return .record(record, next: next)
        }
        // The length is wrong: the next record start found by looking says where this one really ends.
        let resume = WARCScan.recordStart(bytes, after: blockStart - 1)
        let name = WARCScan.describe(record)
        let reason: String
        switch resume {
        case .some(let next):
            reason = "\(name) is skipped: its Content-Length (\(record.contentLength) bytes) does not end where "
                + "the next record starts (byte \(next))"
        case nil where overflow || blockEnd > bytes.count:
            reason = "truncated record: \(name) says it holds \(record.contentLength) bytes but the file ends "
                + "after \(bytes.count - blockStart); skipped"
        case nil:
            reason = "\(name) is skipped: its Content-Length (\(record.contentLength) bytes) ends "
                + "\(bytes.count - blockEnd) bytes before the end of the file, with no record after it"
        }
        return .problem(WebArchiveProblem(at: offset, reason), resume: resume)
    }

    /// The record in the gzip member at `offset`, or why it is skipped and where the next member starts.
    static func memberStep(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Step {
        let inflated = GzipStream.member(in: bytes, at: offset, limit: WebArchiveLimits.headerBytes, findsEnd: true)
        let next = offset + inflated.consumed
        let header = inflated.bytes.withUnsafeBytes { WARCScan.header($0, at: 0) }
        let name = (try? header.get()).map { WARCScan.describe($0.record) } ?? "the record"
        switch inflated.problem {
        case .notCompressed?:
            let resume = WARCScan.memberStart(bytes, after: offset)
            let reason = "no gzip member starts here: \((resume ?? bytes.count) - offset) bytes skipped"
            return .problem(WebArchiveProblem(at: offset, reason), resume: resume)
        case .corrupt(_, let message)?:
            let reason = "\(name) is skipped: its gzip member is damaged (\(message))"
            return .problem(WebArchiveProblem(at: offset, reason), resume: WARCScan.memberStart(bytes, after: offset))
        case .truncated?:
            let reason = "truncated gzip member: the file ends inside \(name); skipped"
            return .problem(WebArchiveProblem(at: offset, reason), resume: nil)
        case .tooLarge?, nil:
            break
        }
        var record: WARCRecord, blockStart: Int
        switch header {
        case .success(let found): (record, blockStart) = found
        case .failure(let problem): return .problem(WebArchiveProblem(at: offset, problem.reason), resume: next)
        }
        record.offset = offset
        let blockEnd = blockStart + record.contentLength
        if let problem = lengthProblem(record, blockEnd: blockEnd, member: inflated) {
            return .problem(problem, resume: next)
        }
        return .record(record, next: next)
    }

    /// Why a record's `Content-Length` does not fit the gzip member holding it; nil when it does (the member
    /// ends with the block and line ends).
    private static func lengthProblem(_ record: WARCRecord, blockEnd: Int, member: GzipStream.Inflated)
        -> WebArchiveProblem? {
        let name = WARCScan.describe(record)
        if member.size < blockEnd {
            return WebArchiveProblem(at: record.offset, "\(name) is skipped: its Content-Length "
                + "(\(record.contentLength) bytes) runs past the end of its gzip member")
        }
        // What follows the block, as far as it was kept: line ends only.
        let tail = member.bytes.dropFirst(blockEnd)
        guard tail.allSatisfy({ $0 == 0x0D || $0 == 0x0A }), member.size - blockEnd <= max(4, tail.count) else {
            return WebArchiveProblem(at: record.offset, "\(name) is skipped: its Content-Length "
                + "(\(record.contentLength) bytes) ends \(member.size - blockEnd) bytes before its gzip member does")
        }
        return nil
    }
}
