import CZlib
import Foundation

/// zlib's streaming inflate with bounded output: the one file that talks to zlib.
///
/// Web archives and pages arrive compressed: a `.warc.gz` holds one gzip member per record, a whole file may be
/// gzipped, and an HTTP response may be sent with `Content-Encoding: gzip` or `deflate`. Their content is read
/// through a small window, so a bomb (a gigabyte of whitespace in a few kilobytes) stops at the limit instead of
/// filling memory.
enum GzipStream {
    /// What wraps the deflate data.
    enum Wrapper: Sendable, Equatable {
        /// gzip (RFC 1952): a header, deflate data, CRC-32 and size.
        case gzip
        /// zlib (RFC 1950): a two-byte header, deflate data, Adler-32.
        case zlib
        /// Bare deflate data (RFC 1951), as some servers send for `Content-Encoding: deflate`.
        case raw
    }

    /// Why inflated bytes are not the whole content.
    enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The data does not start as the wrapper says (no gzip magic number, no zlib header).
        case notCompressed(Wrapper)
        /// The input ends before the stream's end marker.
        case truncated(Wrapper)
        /// The content is larger than the limit (in bytes).
        case tooLarge(limit: Int)
        /// The deflate data is damaged; zlib's own words.
        case corrupt(Wrapper, String)

        /// The reason in words for a user.
        var description: String {
            switch self {
            case .notCompressed(let wrapper): return "not \(wrapper.name) data"
            case .truncated(let wrapper):
                return "truncated \(wrapper.name) data: the stream ends before its end marker"
            case .tooLarge(let limit): return "decompresses to more than \(GzipStream.megabytes(limit))"
            case .corrupt(let wrapper, let message): return "damaged \(wrapper.name) data: \(message)"
            }
        }
    }

    /// The bytes inflated from one stream (or a run of gzip members).
    struct Inflated: Sendable, Equatable {
        /// The content, whole, or as far as it came before `problem`, never more than the limit.
        var bytes: [UInt8]
        /// Why `bytes` is not the whole content; nil when it is.
        var problem: Problem?
        /// Compressed bytes read from the start offset: where the next gzip member starts.
        var consumed: Int
        /// The content's full size when the stream was inflated to its end past the limit; else `bytes.count`.
        var size: Int
    }

    /// Output is inflated through a window of this size, then kept (up to the limit) or dropped.
    static let windowBytes = 64 * 1024

    // MARK: - Entry points

    /// A whole gzip file (every member, one after the other) inflated, keeping at most `limit` bytes and stopping
    /// as soon as the content passes it.
    static func decompress(_ data: some ContiguousBytes, limit: Int) -> Inflated {
        data.withUnsafeBytes { inflate($0, wrapper: .gzip, limit: limit, allMembers: true, findsEnd: false) }
    }

    /// The gzip member starting at `offset` of `buffer` (a `.warc.gz` record), keeping at most `limit` bytes.
    /// With `findsEnd`, a member larger than the limit is inflated to its end (output dropped) so `consumed` says
    /// where the next member starts; without it, inflating stops at the limit.
    static func member(in buffer: UnsafeRawBufferPointer, at offset: Int, limit: Int, findsEnd: Bool) -> Inflated {
        guard offset >= 0, offset <= buffer.count else {
            return Inflated(bytes: [], problem: .truncated(.gzip), consumed: 0, size: 0)
        }
        let rest = UnsafeRawBufferPointer(rebasing: buffer[offset...])
        return inflate(rest, wrapper: .gzip, limit: limit, allMembers: false, findsEnd: findsEnd)
    }

    /// An HTTP body sent with `Content-Encoding: deflate`: a zlib stream as the standard says, or raw deflate as
    /// some servers send it.
    static func decompressDeflate(_ data: some ContiguousBytes, limit: Int) -> Inflated {
        data.withUnsafeBytes { buffer in
            let wrapper: Wrapper = hasZlibHeader(buffer) ? .zlib : .raw
            let inflated = inflate(buffer, wrapper: wrapper, limit: limit, allMembers: false, findsEnd: false)
            // Two bytes can pass for a zlib header by chance; raw deflate is the other reading.
            if wrapper == .zlib, case .corrupt = inflated.problem {
                return inflate(buffer, wrapper: .raw, limit: limit, allMembers: false, findsEnd: false)
            }
            return inflated
        }
    }

    /// Whether the bytes start with gzip's magic number and its one compression method, deflate.
    static func hasGzipMagic(_ buffer: UnsafeRawBufferPointer) -> Bool {
        buffer.count >= 3 && buffer[0] == 0x1F && buffer[1] == 0x8B && buffer[2] == 8
    }

    /// Whether the first two bytes are a zlib header: deflate, a window of at most 32 KB, a valid check value.
    static func hasZlibHeader(_ buffer: UnsafeRawBufferPointer) -> Bool {
        guard buffer.count >= 2 else { return false }
        let (method, flags) = (UInt16(buffer[0]), UInt16(buffer[1]))
        return method & 0x0F == 8 && method >> 4 <= 7 && (method << 8 | flags) % 31 == 0
    }

    // MARK: - Inflating

    /// The stream at the start of `input` inflated; with `allMembers`, gzip members that follow are too.
    private static func inflate(_ input: UnsafeRawBufferPointer, wrapper: Wrapper, limit: Int, allMembers: Bool,
                                findsEnd: Bool) -> Inflated {
        if wrapper == .gzip, !hasGzipMagic(input) {
            return Inflated(bytes: [], problem: input.count < 3 && isGzipPrefix(input) ? .truncated(.gzip)
                : .notCompressed(.gzip), consumed: 0, size: 0)
        }
        var stream = z_stream()
        guard sheaf_inflate_init(&stream, wrapper.windowBits) == Z_OK else {
            return Inflated(bytes: [], problem: .corrupt(wrapper, "cannot start inflate: out of memory"),
                            consumed: 0, size: 0)
        }
        defer { inflateEnd(&stream) }
        var output = InflateOutput(limit: limit, keepsGoing: findsEnd)
        let window = UnsafeMutablePointer<UInt8>.allocate(capacity: windowBytes)
        defer { window.deallocate() }
        var consumed = 0
        while true {
            let step = inflateOne(&stream, wrapper, input, from: consumed, window: window, output: &output)
            consumed = step.consumed
            if let problem = step.problem {
                return Inflated(bytes: output.kept, problem: problem, consumed: consumed, size: output.size)
            }
            // A stream ended: another gzip member may follow (a whole file of them).
            let rest = UnsafeRawBufferPointer(rebasing: input[consumed...])
            guard allMembers, hasGzipMagic(rest), inflateReset(&stream) == Z_OK else { break }
        }
        return Inflated(bytes: output.kept, problem: output.overflowed ? .tooLarge(limit: limit) : nil,
                        consumed: consumed, size: output.size)
    }

    /// One stream inflated from byte `start` of `input` to its end marker (nil problem) or to a problem.
    private static func inflateOne(_ stream: inout z_stream, _ wrapper: Wrapper, _ input: UnsafeRawBufferPointer,
                                   from start: Int, window: UnsafeMutablePointer<UInt8>, output: inout InflateOutput)
        -> (consumed: Int, problem: Problem?) {
        guard let base = input.baseAddress else { return (start, .truncated(wrapper)) }
        var position = start
        while true {
            // avail_in is 32 bits: a mapped archive of several gigabytes is fed in slices.
            let slice = min(input.count - position, Int(UInt32.max))
            stream.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: UInt8.self) + position)
            stream.avail_in = UInt32(slice)
            stream.next_out = window
            stream.avail_out = UInt32(windowBytes)
            let status = CZlib.inflate(&stream, Z_NO_FLUSH)
            position += slice - Int(stream.avail_in)
            output.take(window, count: windowBytes - Int(stream.avail_out))
            switch status {
            case Z_STREAM_END: return (position, nil)
            case Z_OK where output.isFull: return (position, .tooLarge(limit: output.limit))
            case Z_OK: continue
            case Z_BUF_ERROR where position >= input.count: return (position, .truncated(wrapper))
            case Z_BUF_ERROR: continue
            case Z_NEED_DICT: return (position, .corrupt(wrapper, "it needs a preset dictionary"))
            case Z_MEM_ERROR: return (position, .corrupt(wrapper, "out of memory"))
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                return (position, .corrupt(wrapper, message))
            }
        }
    }

    /// The first one or two bytes of gzip's magic number, and no more: a member cut right at its start.
    private static func isGzipPrefix(_ buffer: UnsafeRawBufferPointer) -> Bool {
        buffer.count >= 1 && buffer[0] == 0x1F && (buffer.count == 1 || buffer[1] == 0x8B)
    }

    /// `bytes` in whole megabytes (`32 MB`), as limits are stated to users.
    static func megabytes(_ bytes: Int) -> String {
        bytes % 1_048_576 == 0 ? "\(bytes / 1_048_576) MB" : "\(bytes) bytes"
    }
}

// MARK: - Output

/// Inflated output kept up to a limit; past it, counted and dropped (when the stream's end is wanted) or refused.
private struct InflateOutput {
    let limit: Int
    /// Whether inflating goes on past the limit, discarding, to find the stream's end.
    let keepsGoing: Bool
    var kept: [UInt8] = []
    var size = 0

    init(limit: Int, keepsGoing: Bool) {
        self.limit = max(0, limit)
        self.keepsGoing = keepsGoing
    }

    var overflowed: Bool { size > limit }
    /// Past the limit with no reason to go on.
    var isFull: Bool { overflowed && !keepsGoing }

    mutating func take(_ window: UnsafeMutablePointer<UInt8>, count: Int) {
        let room = max(0, min(count, limit - kept.count))
        if room > 0 { kept.append(contentsOf: UnsafeBufferPointer(start: window, count: room)) }
        size += count
    }
}

private extension GzipStream.Wrapper {
    /// zlib's `windowBits` for this wrapper, with the largest window (32 KB).
    var windowBits: Int32 {
        switch self {
        case .gzip: return 16 + MAX_WBITS
        case .zlib: return MAX_WBITS
        case .raw: return -MAX_WBITS
        }
    }

    /// The wrapper's name for users.
    var name: String {
        switch self {
        case .gzip: return "gzip"
        case .zlib: return "zlib"
        case .raw: return "deflate"
        }
    }
}
