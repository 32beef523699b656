import Foundation

/// One part of a MIME message (or the message itself): header fields and a body still in its transfer encoding.
struct MIMEPart: Sendable, Equatable {
    /// The part's header fields.
    var headers: HeaderFields
    /// The part's body as written (quoted-printable, base64 or plain).
    var body: ArraySlice<UInt8>

    /// The part's `Content-Type`.
    var mediaType: MediaType { MediaType(headers["Content-Type"] ?? "") }
    /// The part's `Content-Location`: the URL it was saved from.
    var location: String? { headers["Content-Location"].flatMap { $0.isEmpty ? nil : $0 } }
    /// The part's `Content-ID` without its `<>`.
    var contentID: String? { headers["Content-ID"].map(Self.unbracketed).flatMap { $0.isEmpty ? nil : $0 } }

    /// The body with its `Content-Transfer-Encoding` undone (quoted-printable, base64; 7bit, 8bit and binary are
    /// as written). Stray characters in base64 are skipped.
    func decoded() -> [UInt8] {
        switch headers["Content-Transfer-Encoding"]?.lowercased() {
        case "quoted-printable"?:
            return QuotedPrintable.decode(body)
        case "base64"?:
            let alphabet = body.filter { byte in
                (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                    || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
            }
            return DataURI.base64Decoded(alphabet) ?? []
        default:
            return Array(body)
        }
    }

    // MARK: - Splitting

    /// A message's header block and body (after the blank line); a message starting with a blank line has no
    /// headers, one without any blank line is all body.
    static func split(_ bytes: ArraySlice<UInt8>) -> (headers: HeaderFields, body: ArraySlice<UInt8>) {
        if bytes.first == 0x0A { return (HeaderFields(), bytes.dropFirst()) }
        if bytes.starts(with: [0x0D, 0x0A]) { return (HeaderFields(), bytes.dropFirst(2)) }
        let end = bytes.withUnsafeBytes { HeaderFields.end(in: $0, from: 0, limit: WebArchiveLimits.headerBytes) }
        guard let end else { return (HeaderFields(), bytes) }
        let lines = bytes.withUnsafeBytes { HeaderFields.lines(of: UnsafeRawBufferPointer(rebasing: $0[..<end])) }
        return (HeaderFields.parse(lines), bytes.dropFirst(end))
    }

    /// The parts of a multipart body between its `--boundary` lines (the preamble before the first and anything
    /// after the closing `--boundary--` left out). A part's last line end belongs to the delimiter after it.
    static func parts(of body: ArraySlice<UInt8>, boundary: String) -> [MIMEPart] {
        let delimiters = delimiterLines(in: body, boundary: boundary)
        var parts: [MIMEPart] = []
        for (index, delimiter) in delimiters.enumerated() where !delimiter.closes {
            var end = index + 1 < delimiters.count ? delimiters[index + 1].start : body.endIndex
            if end > delimiter.next, body[end - 1] == 0x0A { end -= 1 }
            if end > delimiter.next, body[end - 1] == 0x0D { end -= 1 }
            let split = split(body[delimiter.next..<max(delimiter.next, end)])
            parts.append(MIMEPart(headers: split.headers, body: split.body))
        }
        return parts
    }

    /// What the body says about its boundary.
    enum BoundaryFinding: Equatable {
        /// The boundary to split at, with a note when it is not the one declared.
        case found(String, note: String?)
        /// No boundary splits the body, and why.
        case missing(String)
    }

    /// The declared boundary when its delimiter lines are in the body; else the boundary of the first line that
    /// starts with `--` when it comes back (a file whose header lost or misspelled it).
    static func boundary(in body: ArraySlice<UInt8>, declared: String?) -> BoundaryFinding {
        if let declared, !delimiterLines(in: body, boundary: declared).isEmpty { return .found(declared, note: nil) }
        let absent = declared.map { "the multipart boundary \"\($0)\" is not in the file" }
            ?? "the file names no multipart boundary"
        let lines = body.prefix(WebArchiveLimits.headerBytes).split(separator: 0x0A, omittingEmptySubsequences: true)
        guard let first = lines.first(where: { $0.starts(with: [0x2D, 0x2D]) && $0.count > 3 }) else {
            return .missing(absent)
        }
        let guess = String(decoding: first.dropFirst(2), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard delimiterLines(in: body, boundary: guess).count >= 2 else { return .missing(absent) }
        return .found(guess, note: "\(absent): its parts are split at the lines \"--\(guess)\"")
    }

    /// The lines starting `--boundary`: where each starts, where the line after it starts, and whether it is
    /// the closing one (`--boundary--`).
    private static func delimiterLines(in body: ArraySlice<UInt8>, boundary: String)
        -> [(start: Int, next: Int, closes: Bool)] {
        let delimiter = Array(("--" + boundary).utf8)
        var found: [(start: Int, next: Int, closes: Bool)] = []
        var index = body.startIndex
        while index < body.endIndex {
            let lineEnd = body[index...].firstIndex(of: 0x0A) ?? body.endIndex
            if body[index..<lineEnd].starts(with: delimiter) {
                let rest = body[(index + delimiter.count)..<lineEnd]
                let closes = rest.starts(with: [0x2D, 0x2D])
                // `--boundary` followed by more of a name is another line, not a delimiter.
                if closes || rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    found.append((index, min(lineEnd + 1, body.endIndex), closes))
                }
            }
            index = lineEnd + 1
        }
        return found
    }

    /// A `Content-ID` or `start` value without its angle brackets.
    static func unbracketed(_ id: String) -> String {
        let trimmed = id.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("<"), trimmed.hasSuffix(">"), trimmed.count >= 2 else { return trimmed }
        return String(trimmed.dropFirst().dropLast())
    }
}
