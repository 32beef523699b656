import Foundation
import Testing
@testable import SheafKit

@Suite struct HTTPPayloadTests {
    static let site = "https://news.example.org"
    let page = Array("<html><body><p>Boats stay in port.</p></body></html>".utf8)

    /// The payload of the fixture's first response (or resource) record for `path`.
    func payload(_ path: String, kind: WARCRecord.Kind = .response) throws -> HTTPPayload {
        let file = try WARCFile(path: WebArchiveTestData.fixture("sample.warc.gz"))
        let record = try #require(file.walk().records.first { $0.kind == kind && $0.targetURI == Self.site + path })
        return try HTTPPayload.of(try file.record(at: record.offset).get()).get()
    }

    // MARK: - The fixture's records

    @Test func readsAPlainResponse() throws {
        let payload = try payload("/articles/one.html")
        #expect(payload.statusCode == 200)
        #expect(payload.mediaType.essence == "text/html")
        #expect(payload.charset == "utf-8")
        #expect(payload.notes == [])
        let text = String(decoding: payload.bytes, as: UTF8.self)
        #expect(text.hasPrefix("<!DOCTYPE html>") && text.hasSuffix("</html>"))
        #expect(text.contains("<h1>The river rises</h1>"))
    }

    @Test func undoesTheGzipContentEncoding() throws {
        let payload = try payload("/articles/two.html")
        #expect(payload.headers["content-encoding"] == "gzip")
        let text = String(decoding: payload.bytes, as: UTF8.self)
        #expect(text.hasPrefix("<!DOCTYPE html>") && text.contains("<h1>A quiet harbour</h1>") && text.hasSuffix("</html>"))
    }

    @Test func joinsTheChunksOfAChunkedBody() throws {
        let payload = try payload("/articles/three.html")
        #expect(payload.headers["Transfer-Encoding"] == "chunked")
        #expect(payload.charset == "utf-8")
        let text = String(decoding: payload.bytes, as: UTF8.self)
        #expect(text.hasPrefix("<!DOCTYPE html>") && text.contains("<h1>Night trains return</h1>") && text.hasSuffix("</html>"))
        #expect(!text.contains("note=first"))
        #expect(payload.notes == [])
    }

    @Test func readsAnImageAndAResource() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let image = try payload("/images/pixel.png")
        #expect(image.mediaType.essence == "image/png")
        #expect(image.bytes.starts(with: png))
        let resource = try payload("/images/stored.png", kind: .resource)
        #expect(resource.statusCode == nil)
        #expect(resource.bytes == image.bytes)
    }

    @Test func readsARedirect() throws {
        let redirect = try payload("/old")
        #expect(redirect.statusCode == 301)
        #expect(redirect.isRedirect)
        #expect(redirect.location == "/articles/one.html")
    }

    // MARK: - The index

    @Test func indexesTheLatestSuccessfulCaptureAndResolvesTheRevisit() throws {
        let file = try WARCFile(path: WebArchiveTestData.fixture("sample.warc.gz"))
        let records = file.walk().records
        let index = WebArchiveIndex(records)
        #expect(index.problems == [])
        #expect(Set(index.entries.keys) == Set(["/articles/one.html", "/articles/two.html", "/articles/three.html",
                                                "/images/pixel.png", "/images/stored.png"].map { Self.site + $0 }))
        let one = try #require(index[Self.site + "/articles/one.html"])
        let revisit = try #require(records.first { $0.kind == .revisit })
        #expect(one.record == revisit.offset)
        let original = try file.record(at: one.payload).get()
        #expect(original.record.kind == .response)
        #expect(original.record.targetURI == Self.site + "/articles/one.html")
        #expect(original.record.payloadDigest == revisit.payloadDigest)
        let bytes = try HTTPPayload.of(original).get().bytes
        #expect(String(decoding: bytes, as: UTF8.self).contains("The river rises"))
        let stored = try #require(index[Self.site + "/images/stored.png"])
        #expect(stored.record == stored.payload)
    }

    @Test func reportsARevisitWhoseResponseIsNotInTheArchive() throws {
        let bytes = WebArchiveTestData.record("revisit", uri: "https://example.org/gone", fields: [
            "WARC-Refers-To-Target-URI: https://example.org/gone", "WARC-Refers-To-Date: 2020-01-01T00:00:00Z",
            "WARC-Payload-Digest: sha1:AAAA"], block: WebArchiveTestData.http(headers: [], body: []),
            contentType: "application/http; msgtype=response")
        let records = try WARCFile(path: WebArchiveTestData.temporaryFile(bytes)).walk().records
        let index = WebArchiveIndex(records)
        #expect(index.entries == [:])
        #expect(index.problems == [WebArchiveProblem(at: 0, "a revisit of https://example.org/gone is skipped: the "
            + "earlier response it repeats is not in this archive")])
    }

    @Test func aLaterDateWinsOverFileOrder() throws {
        let later = WebArchiveTestData.pageRecord("https://example.org/a", text: "new")
        let laterDated = Array(String(decoding: later, as: UTF8.self)
            .replacingOccurrences(of: "2024-05-06T07:08:09Z", with: "2024-05-06T07:08:09.5Z").utf8)
        let earlier = WebArchiveTestData.pageRecord("https://example.org/a", text: "old")
        let records = try WARCFile(path: WebArchiveTestData.temporaryFile(laterDated + earlier)).walk().records
        #expect(WebArchiveIndex(records)["https://example.org/a"]?.record == 0)
        #expect(WebArchiveIndex.sortKey("2024-05-06T07:08:09Z") < WebArchiveIndex.sortKey("2024-05-06T07:08:09.5Z"))
    }

    // MARK: - HTTP messages built here

    @Test func readsFoldedCaseInsensitiveHeaders() throws {
        let message = WebArchiveTestData.http(headers: ["content-type: text/html;", "\tcharset=\"ISO-8859-1\"",
                                                        "LOCATION: /next"], body: page)
        let payload = try HTTPPayload.response(message).get()
        #expect(payload.mediaType.essence == "text/html")
        #expect(payload.charset == "iso-8859-1")
        #expect(payload.location == "/next")
        #expect(!payload.isRedirect)
        #expect(payload.bytes == page)
    }

    @Test func readsStatusLines() {
        #expect(WARCRecord.statusCode(ofStatusLine: "HTTP/1.1 404 Not Found") == 404)
        #expect(WARCRecord.statusCode(ofStatusLine: "HTTP/2 200") == 200)
        #expect(WARCRecord.statusCode(ofStatusLine: "GET / HTTP/1.1") == nil)
        #expect(WARCRecord.statusCode(ofStatusLine: "HTTP/1.1 2000 OK") == nil)
        #expect(throws: WebArchiveProblem(at: nil, "the record holds no HTTP response (no status line)")) {
            try HTTPPayload.response(Array("<html></html>".utf8)).get()
        }
    }

    @Test func undoesChunksWithExtensionsAndTrailers() throws {
        let body = Array("5;name=value\r\n<html\r\n4\r\n><p>\r\n0\r\nExpires: never\r\n\r\n".utf8)
        let message = WebArchiveTestData.http(headers: ["Transfer-Encoding: chunked"], body: body)
        let payload = try HTTPPayload.response(message).get()
        #expect(String(decoding: payload.bytes, as: UTF8.self) == "<html><p>")
        #expect(payload.notes == [])
    }

    @Test func keepsWhatCameOfABrokenChunkedBody() {
        let bad = ChunkedBody.decode(Array("5\r\nhello\r\nzz\r\nworld\r\n0\r\n\r\n".utf8))
        #expect(bad.bytes == Array("hello".utf8))
        #expect(bad.note == "the chunked body is damaged at byte 10 (a chunk size that is not a number): the 5 bytes "
            + "before it are kept")
        let cut = ChunkedBody.decode(Array("5\r\nhello\r\n10\r\nwor".utf8))
        #expect(cut.bytes == Array("hellowor".utf8))
        #expect(cut.note == "the chunked body is cut short inside a chunk: the 8 bytes that came are kept")
        let stored = ChunkedBody.decode(page)
        #expect(stored.bytes == page)
        #expect(stored.note == "the body is marked chunked but is not: it is kept as it was stored")
        #expect(ChunkedBody.chunkSize(ArraySlice(Array("fffffffffffffffff".utf8))) == nil)
    }

    @Test func undoesGzipAndDeflateContentEncodings() throws {
        for (coding, body) in [("gzip", WebArchiveTestData.gzip(page)), ("x-gzip", WebArchiveTestData.gzip(page)),
                               ("deflate", WebArchiveTestData.zlib(page)), ("deflate", WebArchiveTestData.deflate(page)),
                               ("identity", page), ("gzip, identity", WebArchiveTestData.gzip(page))] {
            let message = WebArchiveTestData.http(headers: ["Content-Encoding: \(coding)"], body: body)
            #expect(try HTTPPayload.response(message).get().bytes == page, "\(coding)")
        }
    }

    @Test func chunkedThenGzipped() throws {
        let gzipped = WebArchiveTestData.gzip(page)
        let body = Array(String(gzipped.count, radix: 16).utf8) + Array("\r\n".utf8) + gzipped + Array("\r\n0\r\n\r\n".utf8)
        let message = WebArchiveTestData.http(headers: ["Transfer-Encoding: chunked", "Content-Encoding: gzip"], body: body)
        #expect(try HTTPPayload.response(message).get().bytes == page)
    }

    @Test func refusesBrotliAndUnknownEncodings() {
        let brotli = WebArchiveTestData.http(headers: ["Content-Encoding: br"], body: [0x0B, 0x02, 0x80])
        #expect(throws: WebArchiveProblem(at: nil, "the payload is skipped: it is compressed with Brotli "
            + "(Content-Encoding: br), which Sheaf cannot read")) { try HTTPPayload.response(brotli).get() }
        let unknown = WebArchiveTestData.http(headers: ["Content-Encoding: zstd"], body: [1, 2, 3])
        #expect(throws: WebArchiveProblem(at: nil, "the payload is skipped: its Content-Encoding \"zstd\" is unknown")) {
            try HTTPPayload.response(unknown).get()
        }
    }

    @Test func keepsWhatCameOfATruncatedGzipBody() throws {
        let long = Array(repeating: page, count: 40).flatMap { $0 }
        let gzipped = WebArchiveTestData.gzip(long)
        let message = WebArchiveTestData.http(headers: ["Content-Encoding: gzip"], body: Array(gzipped.prefix(gzipped.count / 2)))
        let payload = try HTTPPayload.response(message).get()
        #expect(!payload.bytes.isEmpty && long.starts(with: payload.bytes))
        #expect(payload.notes == ["truncated gzip data: the stream ends before its end marker: the "
            + "\(payload.bytes.count) bytes that came are kept"])
    }

    @Test func keepsABodyMarkedGzipThatIsNot() throws {
        let message = WebArchiveTestData.http(headers: ["Content-Encoding: gzip"], body: page)
        let payload = try HTTPPayload.response(message).get()
        #expect(payload.bytes == page)
        #expect(payload.notes == ["the body is marked gzip but is not compressed: it is kept as it is"])
    }

    @Test func refusesAGzipBombAtThePageLimit() {
        let bomb = WebArchiveTestData.spaceBomb(count: 40 * 1_048_576)
        let message = WebArchiveTestData.http(headers: ["Content-Type: text/html", "Content-Encoding: gzip"], body: bomb)
        #expect(throws: WebArchiveProblem(at: nil, "the payload is skipped: decompresses to more than 32 MB")) {
            try HTTPPayload.response(message).get()
        }
    }

    @Test func limitsPayloadsByMediaType() {
        #expect(HTTPPayload.limit(for: MediaType("image/jpeg")) == WebArchiveLimits.imageBytes)
        #expect(HTTPPayload.limit(for: MediaType("text/html; charset=utf-8")) == WebArchiveLimits.pageBytes)
        let message = WebArchiveTestData.http(headers: ["Content-Type: text/html"], body: page)
        #expect(throws: WebArchiveProblem(at: nil, "the payload is skipped: it is larger than 10 bytes")) {
            try HTTPPayload.response(message, limit: 10).get()
        }
        #expect(throws: WebArchiveProblem(at: nil, "the payload is skipped: it is larger than 10 bytes")) {
            try HTTPPayload.resource(page, contentType: "text/html", limit: 10).get()
        }
    }

    @Test func readsMediaTypeParameters() {
        let type = MediaType("Multipart/Related; type=\"text/html\"; boundary=\"--a;b\\\"c\"; start=<x@y>")
        #expect(type.essence == "multipart/related")
        #expect(type.parameters == ["type": "text/html", "boundary": "--a;b\"c", "start": "<x@y>"])
        #expect(MediaType("").essence == "")
        #expect(MediaType("text/html; charset=").charset == nil)
    }
}
