/// HTTP/1.1's chunked transfer coding undone: hex sizes (with `;extensions`), chunks, a zero chunk, trailers.
enum ChunkedBody {
    /// The body joined from its chunks, with a note when it was not whole or not chunked after all.
    struct Decoded: Sendable, Equatable {
        var bytes: [UInt8]
        var note: String?
    }

    /// `body` dechunked. A body cut short keeps the chunks that came; a bad chunk size keeps what came before it;
    /// a body whose first line is no chunk size was stored already dechunked (some crawlers do, leaving the
    /// header) and is kept as it is.
    static func decode(_ body: [UInt8]) -> Decoded {
        var output: [UInt8] = []
        var position = 0
        while true {
            guard let lineEnd = lineEnd(body, from: position) else {
                return position == 0 && !body.isEmpty ? notChunked(body)
                    : cutShort(output, body.count > position ? "inside a chunk size line" : "before its last chunk")
            }
            guard let size = chunkSize(body[position..<lineEnd.start]) else {
                return position == 0 ? notChunked(body) : Decoded(bytes: output, note:
                    "the chunked body is damaged at byte \(position) (a chunk size that is not a number): the "
                    + "\(output.count) bytes before it are kept")
            }
            position = lineEnd.next
            if size == 0 { return Decoded(bytes: output, note: nil) }  // Trailer fields after it are not needed.
            guard size <= body.count - position else {
                output += body[position...]
                return cutShort(output, "inside a chunk")
            }
            output += body[position..<(position + size)]
            position += size
            // The line end after a chunk's data.
            if position < body.count, body[position] == 0x0D { position += 1 }
            if position < body.count, body[position] == 0x0A { position += 1 }
        }
    }

    /// A chunk size line's number (hex digits before any `;extension` or space); nil when it is no number.
    static func chunkSize(_ line: ArraySlice<UInt8>) -> Int? {
        let digits = line.prefix { $0 != UInt8(ascii: ";") && $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
        guard !digits.isEmpty, digits.count <= 15 else { return nil }
        return Int(String(decoding: digits, as: UTF8.self), radix: 16)
    }

    /// Where the line starting at `offset` ends (its CR, or LF) and the next one starts.
    private static func lineEnd(_ bytes: [UInt8], from offset: Int) -> (start: Int, next: Int)? {
        guard let newline = bytes[offset...].firstIndex(of: 0x0A) else { return nil }
        let start = newline > offset && bytes[newline - 1] == 0x0D ? newline - 1 : newline
        return (start, newline + 1)
    }

    private static func notChunked(_ body: [UInt8]) -> Decoded {
        Decoded(bytes: body, note: "the body is marked chunked but is not: it is kept as it was stored")
    }

    private static func cutShort(_ output: [UInt8], _ place: String) -> Decoded {
        Decoded(bytes: output,
                note: "the chunked body is cut short \(place): the \(output.count) bytes that came are kept")
    }
}
