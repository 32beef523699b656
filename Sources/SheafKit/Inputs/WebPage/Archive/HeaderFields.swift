/// The header fields of a WARC record, an HTTP message or a MIME part (RFC 822 style `Name: value` lines).
///
/// Names compare without regard to case; a line starting with a space or tab continues the field before it
/// (obsolete folding, still written by old tools); lines may end in CRLF or a bare LF.
struct HeaderFields: Sendable, Equatable {
    /// One field as written: its name and its value without surrounding whitespace.
    struct Field: Sendable, Equatable {
        var name: String
        var value: String
    }

    /// The fields in the order written.
    var fields: [Field]

    /// Fields given in order.
    init(_ fields: [Field] = []) {
        self.fields = fields
    }

    /// The first field named `name` (any case).
    subscript(name: String) -> String? {
        let lower = name.lowercased()
        return fields.first { $0.name.lowercased() == lower }?.value
    }

    // MARK: - Reading

    /// The header lines (without the blank line that ends them) read into fields; a line without a colon (the
    /// status line, junk) is left out.
    static func parse(_ lines: some Sequence<Substring>) -> HeaderFields {
        var fields: [Field] = []
        for line in lines {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if let first = line.first, first == " " || first == "\t", !fields.isEmpty {
                let more = line.trimmingWhitespace()
                if !more.isEmpty { fields[fields.count - 1].value += " " + more }
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingWhitespace()
            guard !name.isEmpty else { continue }
            fields.append(Field(name: name, value: line[line.index(after: colon)...].trimmingWhitespace()))
        }
        return HeaderFields(fields)
    }

    /// The text of a header block's bytes split into lines (header bytes are read as UTF-8, any bad byte
    /// replaced, as WARC 1.1 allows UTF-8 in values).
    static func lines(of bytes: UnsafeRawBufferPointer) -> [Substring] {
        // CR LF is one Character in Swift: both it and a bare LF end a line.
        String(decoding: bytes, as: UTF8.self).split(omittingEmptySubsequences: false) { $0 == "\r\n" || $0 == "\n" }
    }

    /// Where the blank line ending the header block that starts at `start` ends (the block's first byte after it),
    /// looked for up to `limit` bytes on: CRLF CRLF, or LF LF from tools that write bare line feeds.
    static func end(in buffer: UnsafeRawBufferPointer, from start: Int, limit: Int) -> Int? {
        let stop = min(buffer.count, start + limit)
        var index = start
        while index < stop {
            if buffer[index] == 0x0A {
                if index + 1 < buffer.count, buffer[index + 1] == 0x0A { return index + 2 }
                if index + 2 < buffer.count, buffer[index + 1] == 0x0D, buffer[index + 2] == 0x0A { return index + 3 }
            }
            index += 1
        }
        return nil
    }
}

extension Substring {
    /// The text without spaces, tabs and line ends around it.
    func trimmingWhitespace() -> String {
        String(drop { $0 == " " || $0 == "\t" || $0 == "\r\n" || $0 == "\r" || $0 == "\n" }
            .reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r\n" || $0 == "\r" || $0 == "\n" }.reversed())
    }
}
