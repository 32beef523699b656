import Foundation

/// Byte-level reading of WARC records: a record's headers at an offset, where records start and end, and how
/// to find the next record start after damage.
enum WARCScan {
    /// The record whose version line starts at `offset`: its headers and where its block starts.
    static func header(_ bytes: UnsafeRawBufferPointer, at offset: Int)
        -> Result<(record: WARCRecord, blockStart: Int), WebArchiveProblem> {
        guard startsRecord(bytes, at: offset) else {
            return .failure(WebArchiveProblem(at: offset, "no WARC record starts here"))
        }
        guard let blockStart = HeaderFields.end(in: bytes, from: offset, limit: WebArchiveLimits.headerBytes) else {
            let reason = bytes.count - offset < WebArchiveLimits.headerBytes
                ? "truncated record: the file ends inside its WARC headers"
                : "its WARC headers run on past \(WebArchiveLimits.headerBytes / 1024) KB (damaged?)"
            return .failure(WebArchiveProblem(at: offset, reason))
        }
        let lines = HeaderFields.lines(of: UnsafeRawBufferPointer(rebasing: bytes[offset..<blockStart]))
        let version = lines.first?.trimmingWhitespace() ?? ""
        guard var record = WARCRecord(offset: offset, version: version, headers: HeaderFields.parse(lines.dropFirst()))
        else {
            return .failure(WebArchiveProblem(at: offset, "its WARC headers give no valid Content-Length"))
        }
        if record.holdsHTTP {
            let end = min(bytes.count, blockStart + min(record.contentLength, 256))
            let start = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[blockStart..<end]), as: UTF8.self)
            record.httpStatus = WARCRecord.statusCode(ofStatusLine: start.prefix { $0 != "\r\n" && $0 != "\n" })
        }
        return .success((record, blockStart))
    }

    /// Where to look for the record after a block ending at `blockEnd`, when the block is followed as a record's
    /// should be: by the two CR LFs that end a record, or by line ends only and then `WARC/1.` or the end of the
    /// file. Nil when something else follows, so the `Content-Length` that put the end there is wrong.
    static func nextRecord(_ bytes: UnsafeRawBufferPointer, afterBlockEndingAt blockEnd: Int) -> Int? {
        guard blockEnd <= bytes.count else { return nil }
        let next = skipLineEnds(bytes, from: blockEnd)
        let ended = blockEnd + 4 <= bytes.count
            && bytes[blockEnd..<(blockEnd + 4)].elementsEqual([0x0D, 0x0A, 0x0D, 0x0A])
        return ended || next == bytes.count || startsRecord(bytes, at: next) ? next : nil
    }

    /// The first record start (`WARC/1.x` and a line end) after `offset`; nil when there is none.
    static func recordStart(_ bytes: UnsafeRawBufferPointer, after offset: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var index = offset + 1
        while index < bytes.count {
            guard let found = memchr(base + index, Int32(UInt8(ascii: "W")), bytes.count - index) else { return nil }
            index = base.distance(to: UnsafeRawPointer(found))
            // Not only at a line start: junk cut off mid-line may run straight into the next record.
            if startsRecord(bytes, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// Whether a version line (`WARC/1.0`, `WARC/1.1`, then a line end) starts at `offset`.
    static func startsRecord(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        let prefix = Array("WARC/1.".utf8)
        guard offset >= 0, offset + prefix.count + 2 <= bytes.count else { return false }
        for (index, byte) in prefix.enumerated() where bytes[offset + index] != byte { return false }
        let digit = bytes[offset + prefix.count]
        let after = bytes[offset + prefix.count + 1]
        return digit >= 0x30 && digit <= 0x39 && (after == 0x0D || after == 0x0A)
    }

    /// The first gzip member start (magic number and deflate) after `offset`; nil when there is none.
    static func memberStart(_ bytes: UnsafeRawBufferPointer, after offset: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var index = offset + 1
        while index < bytes.count {
            guard let found = memchr(base + index, 0x1F, bytes.count - index) else { return nil }
            index = base.distance(to: UnsafeRawPointer(found))
            if GzipStream.hasGzipMagic(UnsafeRawBufferPointer(rebasing: bytes[index...])) { return index }
            index += 1
        }
        return nil
    }

    /// The first offset at or after `offset` that is not a CR or LF.
    static func skipLineEnds(_ bytes: UnsafeRawBufferPointer, from offset: Int) -> Int {
        var index = offset
        while index < bytes.count, bytes[index] == 0x0D || bytes[index] == 0x0A { index += 1 }
        return index
    }

    /// Whether everything from `offset` on is zero bytes or whitespace (padding some writers leave at the end).
    static func isPadding(_ bytes: UnsafeRawBufferPointer, from offset: Int) -> Bool {
        bytes[offset...].allSatisfy { $0 == 0 || $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }

    /// The record named for a user: `response record for https://…`.
    static func describe(_ record: WARCRecord) -> String {
        let kind: String
        switch record.kind {
        case .other(let name): kind = name.isEmpty ? "untyped" : name
        default: kind = "\(record.kind)"
        }
        return record.targetURI.map { "the \(kind) record for \($0)" } ?? "the \(kind) record"
    }
}
