/// One WARC record's headers (WARC 1.0 and 1.1), where it is in its file, and the HTTP status its block opens
/// with: what a walk over an archive yields, without the block itself.
struct WARCRecord: Sendable, Equatable {
    /// The record's `WARC-Type`.
    enum Kind: Sendable, Hashable {
        case warcinfo, response, resource, request, metadata, revisit, conversion, continuation
        /// A type the standard does not name, as written.
        case other(String)

        /// The type named by a `WARC-Type` value (any case).
        init(_ name: String) {
            switch name.lowercased() {
            case "warcinfo": self = .warcinfo
            case "response": self = .response
            case "resource": self = .resource
            case "request": self = .request
            case "metadata": self = .metadata
            case "revisit": self = .revisit
            case "conversion": self = .conversion
            case "continuation": self = .continuation
            default: self = .other(name)
            }
        }
    }

    /// Byte offset of the record in its file (in a `.warc.gz`, of the gzip member holding it): give it to
    /// `WARCFile.record(at:)` to read the record again.
    var offset: Int
    /// The version line, `WARC/1.0` or `WARC/1.1`.
    var version: String
    /// The record's type.
    var kind: Kind
    /// `WARC-Target-URI`, without the `<>` some tools put around it.
    var targetURI: String?
    /// `WARC-Date`, as written (ISO 8601 in UTC).
    var date: String?
    /// `WARC-Record-ID` (`<urn:uuid:…>`).
    var recordID: String?
    /// `Content-Type` of the block (`application/http; msgtype=response` for a response record).
    var contentType: String?
    /// `Content-Length`: the block's size in bytes.
    var contentLength: Int
    /// A revisit's `WARC-Refers-To-Target-URI`.
    var refersToTargetURI: String?
    /// A revisit's `WARC-Refers-To-Date`.
    var refersToDate: String?
    /// A revisit's `WARC-Refers-To`: the record ID of the record it repeats.
    var refersTo: String?
    /// `WARC-Payload-Digest` (`sha1:…`), shared by records with the same payload.
    var payloadDigest: String?
    /// The status code of the HTTP response the block holds (response and revisit records), read while walking.
    var httpStatus: Int?
    /// All the record's header fields.
    var headers: HeaderFields

    /// A record read from its version line and header fields; nil when there is no usable `Content-Length`.
    init?(offset: Int, version: String, headers: HeaderFields) {
        guard let length = headers["Content-Length"].flatMap(Self.length) else { return nil }
        self.offset = offset
        self.version = version
        self.headers = headers
        kind = Kind(headers["WARC-Type"] ?? "")
        targetURI = headers["WARC-Target-URI"].map(Self.unbracketed)
        date = headers["WARC-Date"]
        recordID = headers["WARC-Record-ID"]
        contentType = headers["Content-Type"]
        contentLength = length
        refersToTargetURI = headers["WARC-Refers-To-Target-URI"].map(Self.unbracketed)
        refersToDate = headers["WARC-Refers-To-Date"]
        refersTo = headers["WARC-Refers-To"]
        payloadDigest = headers["WARC-Payload-Digest"]
    }

    /// Whether the block is an HTTP message (`application/http`), as response, request and revisit blocks are.
    var holdsHTTP: Bool {
        MediaType(contentType ?? "").essence == "application/http"
    }

    /// A URI without the angle brackets around it (WARC 1.0's grammar had them; some tools still write them).
    static func unbracketed(_ uri: String) -> String {
        guard uri.hasPrefix("<"), uri.hasSuffix(">"), uri.count >= 2 else { return uri }
        return String(uri.dropFirst().dropLast())
    }

    /// The code in a status line (`HTTP/1.1 404 Not Found` → 404); nil when the line is no HTTP status line.
    static func statusCode(ofStatusLine line: Substring) -> Int? {
        let words = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard words.count >= 2, words[0].uppercased().hasPrefix("HTTP/"), words[1].count == 3,
              words[1].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(words[1].trimmingWhitespace())
    }

    /// A `Content-Length` value: digits only, no sign, at most `largestLength`.
    static func length(_ value: String) -> Int? {
        guard !value.isEmpty, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let length = Int(value),
              length <= largestLength else { return nil }
        return length
    }

    /// A petabyte: no record is larger, and offsets plus lengths up to it cannot overflow.
    static let largestLength = 1 << 50
}
