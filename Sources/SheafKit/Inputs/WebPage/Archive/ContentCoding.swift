/// An HTTP body's `Content-Encoding` undone: `gzip`/`x-gzip`, `deflate`, `identity`; Brotli is refused.
enum ContentCoding {
    /// The body decoded, with notes on repairs.
    struct Decoded: Sendable, Equatable {
        var bytes: [UInt8]
        var notes: [String] = []
    }

    /// `body` with the codings named in `codings` (a comma-separated list, applied in order) undone, last first;
    /// the decoded body is at most `limit` bytes.
    static func decode(_ body: [UInt8], codings: String, limit: Int) -> Result<Decoded, WebArchiveProblem> {
        var decoded = Decoded(bytes: body)
        let names = codings.split(separator: ",").map { $0.trimmingWhitespace().lowercased() }.filter { !$0.isEmpty }
        for name in names.reversed() {
            switch name {
            case "identity":
                continue
            case "gzip", "x-gzip":
                let inflated = GzipStream.decompress(decoded.bytes, limit: limit)
                guard let next = kept(inflated, of: decoded.bytes, coding: name, limit: limit) else {
                    return .failure(problem(inflated.problem, coding: name))
                }
                decoded = Decoded(bytes: next.bytes, notes: decoded.notes + next.notes)
            case "deflate":
                let inflated = GzipStream.decompressDeflate(decoded.bytes, limit: limit)
                guard let next = kept(inflated, of: decoded.bytes, coding: name, limit: limit) else {
                    return .failure(problem(inflated.problem, coding: name))
                }
                decoded = Decoded(bytes: next.bytes, notes: decoded.notes + next.notes)
            case "br":
                return .failure(WebArchiveProblem(at: nil, "the payload is skipped: it is compressed with Brotli "
                    + "(Content-Encoding: br), which Sheaf cannot read"))
            default:
                return .failure(WebArchiveProblem(at: nil,
                    "the payload is skipped: its Content-Encoding \"\(name)\" is unknown"))
            }
        }
        return .success(decoded)
    }

    /// What is kept of an inflated body: all of it, or what came before a cut or damage (with a note); a body
    /// that was never compressed, as it is (with a note); nil when nothing can be kept.
    private static func kept(_ inflated: GzipStream.Inflated, of body: [UInt8], coding: String, limit: Int)
        -> Decoded? {
        switch inflated.problem {
        case nil:
            return Decoded(bytes: inflated.bytes)
        case .notCompressed?:
            // Servers that say gzip and send the bytes plain exist; so do archivers that store bodies decoded.
            return Decoded(bytes: body,
                           notes: ["the body is marked \(coding) but is not compressed: it is kept as it is"])
        case .truncated?, .corrupt?:
            guard !inflated.bytes.isEmpty, let problem = inflated.problem else { return nil }
            return Decoded(bytes: inflated.bytes,
                           notes: ["\(problem): the \(inflated.bytes.count) bytes that came are kept"])
        case .tooLarge?:
            return nil
        }
    }

    private static func problem(_ problem: GzipStream.Problem?, coding: String) -> WebArchiveProblem {
        WebArchiveProblem(at: nil, "the payload is skipped: " + (problem.map { "\($0)" } ?? "cannot undo \(coding)"))
    }
}
