/// What a WARC record delivers: the payload bytes with their media type, and for an HTTP response its status,
/// headers and redirect target.
///
/// A `response` record's block is an HTTP message (`application/http; msgtype=response`) as it came off the
/// wire: its chunked transfer coding and its content coding (gzip, deflate) are undone here. A `resource`
/// record's block is the payload itself.
struct HTTPPayload: Sendable, Equatable {
    /// The HTTP status code (`200`, `301`…); nil for a resource record.
    var statusCode: Int?
    /// The payload's media type, from `Content-Type` (the response's, or the record's for a resource).
    var mediaType: MediaType
    /// The HTTP headers (empty for a resource record).
    var headers: HeaderFields
    /// The payload, decoded.
    var bytes: [UInt8]
    /// Repairs made on the way, in words for a user (a chunked body cut short, kept as far as it came).
    var notes: [String] = []

    /// The payload's charset in lower case, when `Content-Type` names one.
    var charset: String? { mediaType.charset }
    /// Where a redirect points (`Location`), as written (maybe relative to the record's URI).
    var location: String? { headers["Location"] }
    /// Whether the status is a redirect (301, 302, 303, 307, 308) with a target.
    var isRedirect: Bool { [301, 302, 303, 307, 308].contains(statusCode ?? 0) && location != nil }

    // MARK: - Reading

    /// The payload of a record read with its block: a response's (or a revisit's, which repeats a response's
    /// headers) HTTP message decoded, or a resource's block; `limit` caps the decoded payload (by default the
    /// limit for the media type: a page's or an image's).
    static func of(_ loaded: WARCFile.Loaded, limit: Int? = nil) -> Result<HTTPPayload, WebArchiveProblem> {
        let result: Result<HTTPPayload, WebArchiveProblem>
        switch loaded.record.kind {
        case .response:
            result = response(loaded.block, limit: limit)
        case .revisit where loaded.record.holdsHTTP:
            result = response(loaded.block, limit: limit)
        case .resource, .conversion:
            result = resource(loaded.block, contentType: loaded.record.contentType, limit: limit)
        default:
            let name = WARCScan.describe(loaded.record)
            result = .failure(WebArchiveProblem(at: nil, "\(name) holds no page or image"))
        }
        return result.mapError { WebArchiveProblem(at: loaded.record.offset, $0.reason) }
    }

    /// A resource record's payload: the block itself, typed by the record's `Content-Type`.
    static func resource(_ block: [UInt8], contentType: String?, limit: Int? = nil)
        -> Result<HTTPPayload, WebArchiveProblem> {
        let mediaType = MediaType(contentType ?? "")
        let limit = limit ?? Self.limit(for: mediaType)
        guard block.count <= limit else { return .failure(tooLarge(limit)) }
        return .success(HTTPPayload(statusCode: nil, mediaType: mediaType, headers: HeaderFields(), bytes: block))
    }

    /// An HTTP response message: status line, headers, and the body with its transfer and content codings undone.
    static func response(_ message: [UInt8], limit: Int? = nil) -> Result<HTTPPayload, WebArchiveProblem> {
        let headerEnd = message.withUnsafeBytes {
            HeaderFields.end(in: $0, from: 0, limit: WebArchiveLimits.headerBytes)
        } ?? message.count
        let lines = message.withUnsafeBytes {
            HeaderFields.lines(of: UnsafeRawBufferPointer(rebasing: $0[..<headerEnd]))
        }
        guard let status = lines.first.flatMap({ WARCRecord.statusCode(ofStatusLine: $0) }) else {
            return .failure(WebArchiveProblem(at: nil, "the record holds no HTTP response (no status line)"))
        }
        let headers = HeaderFields.parse(lines.dropFirst())
        let mediaType = MediaType(headers["Content-Type"] ?? "")
        let limit = limit ?? Self.limit(for: mediaType)
        var payload = HTTPPayload(statusCode: status, mediaType: mediaType, headers: headers, bytes: [])
        var body = Array(message[headerEnd...])
        if headers["Transfer-Encoding"]?.lowercased().contains("chunked") == true {
            let dechunked = ChunkedBody.decode(body)
            body = dechunked.bytes
            payload.notes += dechunked.note.map { [$0] } ?? []
        }
        switch ContentCoding.decode(body, codings: headers["Content-Encoding"] ?? "", limit: limit) {
        case .success(let decoded):
            payload.bytes = decoded.bytes
            payload.notes += decoded.notes
        case .failure(let problem):
            return .failure(problem)
        }
        guard payload.bytes.count <= limit else { return .failure(tooLarge(limit)) }
        return .success(payload)
    }

    /// The largest payload kept for a media type: an image's limit for images, a page's for everything else.
    static func limit(for mediaType: MediaType) -> Int {
        mediaType.essence.hasPrefix("image/") ? WebArchiveLimits.imageBytes : WebArchiveLimits.pageBytes
    }

    /// The reason a payload larger than `limit` is skipped.
    static func tooLarge(_ limit: Int) -> WebArchiveProblem {
        WebArchiveProblem(at: nil, "the payload is skipped: it is larger than \(GzipStream.megabytes(limit))")
    }
}
