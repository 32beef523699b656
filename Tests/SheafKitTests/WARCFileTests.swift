import Foundation
import Testing
@testable import SheafKit

@Suite struct WARCFileTests {
    typealias TestData = WebArchiveTestData

    /// The record types of the fixtures, in the order warcio wrote them (urllib followed `/old` to the first page,
    /// so it was captured twice).
    static let fixtureKinds: [WARCRecord.Kind] = [.warcinfo] + Array(repeating: [.response, .request], count: 7)
        .flatMap { $0 } + [.revisit, .resource]
    static let site = "https://news.example.org"

    // MARK: - Fixtures written by warcio

    @Test(arguments: ["sample.warc.gz", "sample.warc", "whole.warc.gz"])
    func walksTheFixtureArchive(name: String) throws {
        let file = try WARCFile(path: TestData.fixture(name))
        let walk = file.walk()
        #expect(walk.problems == [])
        #expect(walk.records.map(\.kind) == Self.fixtureKinds)
        let responses = walk.records.filter { $0.kind == .response }
        #expect(responses.compactMap(\.targetURI) == ["/articles/one.html", "/articles/two.html", "/articles/three.html",
            "/images/pixel.png", "/old", "/articles/one.html", "/missing.html"].map { Self.site + $0 })
        #expect(responses.map(\.httpStatus) == [200, 200, 200, 200, 301, 200, 404])
        #expect(walk.records.allSatisfy { $0.version == "WARC/1.0" && $0.date != nil && $0.recordID != nil })
        #expect(Set(walk.records.map(\.offset)).count == walk.records.count)
    }

    @Test func tellsTheLayouts() throws {
        #expect(try WARCFile(path: TestData.fixture("sample.warc")).layout == .plain)
        #expect(try WARCFile(path: TestData.fixture("sample.warc.gz")).layout == .gzipMembers)
        #expect(try WARCFile(path: TestData.fixture("whole.warc.gz")).layout == .gzippedWhole)
    }

    @Test(arguments: ["sample.warc.gz", "sample.warc", "whole.warc.gz"])
    func readsEveryRecordAgainByItsOffset(name: String) throws {
        let file = try WARCFile(path: TestData.fixture(name))
        for record in file.walk().records {
            let loaded = try file.record(at: record.offset).get()
            #expect(loaded.record == record)
            #expect(loaded.block.count == record.contentLength)
        }
    }

    @Test func offsetsOfAWholeGzippedArchiveAreThoseOfItsInflatedRecords() throws {
        let plain = try WARCFile(path: TestData.fixture("sample.warc")).walk().records
        let whole = try WARCFile(path: TestData.fixture("whole.warc.gz")).walk().records
        #expect(plain == whole)
    }

    @Test func readsTheRevisitFields() throws {
        let records = try WARCFile(path: TestData.fixture("sample.warc.gz")).walk().records
        let revisit = try #require(records.first { $0.kind == .revisit })
        let original = try #require(records.first { $0.kind == .response && $0.targetURI == revisit.refersToTargetURI })
        #expect(revisit.refersToTargetURI == Self.site + "/articles/one.html")
        #expect(revisit.refersToDate == original.date)
        #expect(revisit.payloadDigest == original.payloadDigest)
        #expect(revisit.payloadDigest?.hasPrefix("sha1:") == true)
        #expect(revisit.httpStatus == 200)
        let resource = try #require(records.last)
        #expect(resource.contentType == "image/png")
        #expect(resource.targetURI == Self.site + "/images/stored.png")
    }

    @Test func stripsAngleBracketsAroundURIs() throws {
        let bytes = TestData.record("resource", uri: "<https://example.org/a.html>", fields: [
            "WARC-Refers-To-Target-URI: <https://example.org/b.html>", "WARC-Refers-To: <urn:uuid:1>"],
            block: Array("hello".utf8), contentType: "text/plain")
        let record = try #require(try WARCFile(path: TestData.temporaryFile(bytes)).walk().records.first)
        #expect(record.targetURI == "https://example.org/a.html")
        #expect(record.refersToTargetURI == "https://example.org/b.html")
        #expect(record.refersTo == "<urn:uuid:1>")
        #expect(record.kind == .resource)
    }

    // MARK: - Bad input

    /// Three page records; the middle one's Content-Length is `length` instead of its block's size.
    func archive(middleLength: Int?) -> (bytes: [UInt8], offsets: [Int]) {
        let records = [TestData.pageRecord("https://example.org/1", text: "first"),
                       TestData.pageRecord("https://example.org/2", text: "second", length: middleLength),
                       TestData.pageRecord("https://example.org/3", text: "third")]
        let offsets = [0, records[0].count, records[0].count + records[1].count]
        return (records.flatMap { $0 }, offsets)
    }

    @Test(arguments: [+40, -12, +2000])
    func skipsARecordWhoseLengthLiesAndGoesOn(change: Int) throws {
        let right = TestData.pageRecord("https://example.org/2", text: "second")
        let lyingLength = blockSize(of: right) + change
        let (bytes, offsets) = archive(middleLength: lyingLength)
        let walk = try WARCFile(path: TestData.temporaryFile(bytes)).walk()
        #expect(walk.records.compactMap(\.targetURI) == ["https://example.org/1", "https://example.org/3"])
        #expect(walk.records.map(\.offset) == [offsets[0], offsets[2]])
        #expect(walk.problems.count == 1)
        #expect(walk.problems.first?.offset == offsets[1])
        #expect(walk.problems.first?.reason.contains("Content-Length (\(lyingLength) bytes) does not end where the next "
            + "record starts (byte \(offsets[2]))") == true)
    }

    /// The size of the block of a record built by `WebArchiveTestData.record`.
    func blockSize(of record: [UInt8]) -> Int {
        let text = String(decoding: record, as: UTF8.self)
        let length = text.split(separator: "\r\n").first { $0.hasPrefix("Content-Length: ") }
        return Int(length?.dropFirst("Content-Length: ".count) ?? "") ?? 0
    }

    @Test func reportsATruncatedFinalRecordAndKeepsTheOthers() throws {
        let (bytes, offsets) = archive(middleLength: nil)
        let cut = Array(bytes.dropLast(30))
        let walk = try WARCFile(path: TestData.temporaryFile(cut)).walk()
        #expect(walk.records.compactMap(\.targetURI) == ["https://example.org/1", "https://example.org/2"])
        #expect(walk.problems.map(\.offset) == [offsets[2]])
        #expect(walk.problems.first?.reason.hasPrefix("truncated record: the response record for "
            + "https://example.org/3 says it holds") == true)
    }

    @Test func reportsARecordCutInsideItsHeaders() throws {
        let (bytes, offsets) = archive(middleLength: nil)
        let walk = try WARCFile(path: TestData.temporaryFile(Array(bytes.prefix(offsets[2] + 30)))).walk()
        #expect(walk.records.count == 2)
        #expect(walk.problems == [WebArchiveProblem(at: offsets[2], "truncated record: the file ends inside its WARC headers")])
    }

    @Test func skipsJunkBetweenRecords() throws {
        let (bytes, offsets) = archive(middleLength: nil)
        let junk = Array("this is not a record\r\n\u{0}\u{1}\u{2}".utf8)
        let walk = try WARCFile(path: TestData.temporaryFile(Array(bytes[..<offsets[1]]) + junk + bytes[offsets[1]...])).walk()
        #expect(walk.records.count == 3)
        #expect(walk.problems == [WebArchiveProblem(at: offsets[1], "no WARC record starts here: \(junk.count) bytes "
            + "skipped up to the next record, at byte \(offsets[1] + junk.count)")])
    }

    @Test func saysBinaryJunkIsNoWARCFile() throws {
        var state: UInt32 = 12345
        let junk = (0..<20_000).map { _ -> UInt8 in
            state = state &* 1_103_515_245 &+ 12345
            return UInt8(state >> 24)
        }
        let walk = try WARCFile(path: TestData.temporaryFile(junk, named: "junk.warc")).walk()
        #expect(walk.records == [])
        #expect(walk.problems == [WebArchiveProblem(at: 0, "not a WARC file: no record starts at its first byte")])
    }

    @Test func anEmptyFileHasNoRecords() throws {
        let walk = try WARCFile(path: TestData.temporaryFile([])).walk()
        #expect(walk == WARCFile.Walk())
    }

    @Test func cannotOpenAFolderOrAMissingFile() {
        #expect(throws: WebArchiveProblem(at: nil, "not a regular file (a FIFO, device or socket?)")) {
            try WARCFile(path: FileManager.default.temporaryDirectory.path)
        }
        #expect(throws: WebArchiveProblem(at: nil, "cannot read file: no such file or folder")) {
            try WARCFile(path: "/nonexistent/sheaf/a.warc")
        }
    }

    // MARK: - Bad gzip members

    /// Three page records, each gzipped as its own member; the member offsets.
    func gzipArchive(middleLength: Int? = nil) -> (bytes: [UInt8], offsets: [Int]) {
        let members = [TestData.gzip(TestData.pageRecord("https://example.org/1", text: "first")),
                       TestData.gzip(TestData.pageRecord("https://example.org/2", text: "second", length: middleLength)),
                       TestData.gzip(TestData.pageRecord("https://example.org/3", text: "third"))]
        return (members.flatMap { $0 }, [0, members[0].count, members[0].count + members[1].count])
    }

    @Test func walksGzipMembersItBuilt() throws {
        let (bytes, offsets) = gzipArchive()
        let file = try WARCFile(path: TestData.temporaryFile(bytes, named: "test.warc.gz"))
        let walk = file.walk()
        #expect(walk.problems == [])
        #expect(walk.records.map(\.offset) == offsets)
        let block = try file.record(at: offsets[1]).get().block
        #expect(String(decoding: block, as: UTF8.self).contains("<p>second</p>"))
    }

    @Test func reportsATruncatedGzipMemberAndKeepsEarlierRecords() throws {
        let (bytes, offsets) = gzipArchive()
        let walk = try WARCFile(path: TestData.temporaryFile(Array(bytes.dropLast(30)))).walk()
        #expect(walk.records.map(\.offset) == [offsets[0], offsets[1]])
        #expect(walk.problems == [WebArchiveProblem(at: offsets[2], "truncated gzip member: the file ends inside the "
            + "response record for https://example.org/3; skipped")])
    }

    @Test func skipsADamagedGzipMemberAndFindsTheNext() throws {
        var (bytes, offsets) = gzipArchive()
        for index in (offsets[1] + 10)..<(offsets[1] + 14) { bytes[index] = 0xFF }
        let walk = try WARCFile(path: TestData.temporaryFile(bytes)).walk()
        #expect(walk.records.map(\.offset) == [offsets[0], offsets[2]])
        #expect(walk.problems.map(\.offset) == [offsets[1]])
        #expect(walk.problems.first?.reason.hasPrefix("the record is skipped: its gzip member is damaged") == true)
    }

    @Test(arguments: [+30, -9])
    func skipsAGzippedRecordWhoseLengthLies(change: Int) throws {
        let right = TestData.pageRecord("https://example.org/2", text: "second")
        let (bytes, offsets) = gzipArchive(middleLength: blockSize(of: right) + change)
        let walk = try WARCFile(path: TestData.temporaryFile(bytes)).walk()
        #expect(walk.records.map(\.offset) == [offsets[0], offsets[2]])
        #expect(walk.problems.map(\.offset) == [offsets[1]])
        let expected = change > 0 ? "runs past the end of its gzip member" : "ends 13 bytes before its gzip member does"
        #expect(walk.problems.first?.reason.hasSuffix(expected) == true)
    }

    @Test func refusesABlockLargerThanTheLimit() throws {
        let (bytes, offsets) = gzipArchive()
        let file = try WARCFile(path: TestData.temporaryFile(bytes))
        let result = file.record(at: offsets[0], limit: 20)
        #expect(throws: WebArchiveProblem.self) { try result.get() }
        guard case .failure(let problem) = result else { return }
        #expect(problem.reason.hasPrefix("the response record for https://example.org/1 is skipped: its block is"))
        #expect(file.record(at: offsets[0] + 1).map(\.block) == .failure(WebArchiveProblem(at: offsets[0] + 1,
            "cannot read the record's gzip member: not gzip data")))
        #expect(file.record(at: 1 << 40).map(\.block) == .failure(WebArchiveProblem(at: 1 << 40,
            "no record: the offset is past the end of the archive")))
    }

    @Test func walksPastABombRecordAndRefusesToReadItsBlock() throws {
        let size = 56 * 1_048_576
        let header = Array(("WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://example.org/bomb.html\r\n"
            + "Content-Type: text/html\r\nContent-Length: \(size)\r\n\r\n").utf8)
        let bomb = TestData.spaceBomb(count: size, checked: true, prefix: header, suffix: Array("\r\n\r\n".utf8))
        let next = TestData.gzip(TestData.pageRecord("https://example.org/1", text: "first"))
        let file = try WARCFile(path: TestData.temporaryFile(bomb + next, named: "bomb.warc.gz"))
        #expect(file.layout == .gzipMembers)
        let walk = file.walk()
        #expect(walk.problems == [])
        #expect(walk.records.map(\.offset) == [0, bomb.count])
        #expect(walk.records.first?.contentLength == size)
        #expect(file.record(at: 0).map(\.block) == .failure(WebArchiveProblem(at: 0, "the resource record for "
            + "https://example.org/bomb.html is skipped: its block is 56 MB, more than the limit of 51 MB")))
    }

    @Test(arguments: ["sample.warc.gz", "sample.warc"])
    func survivesDamageAnywhere(name: String) throws {
        let original = try TestData.fixtureBytes(name)
        let path = try TestData.temporaryFile([], named: name)
        defer { try? FileManager.default.removeItem(atPath: InputPath.parent(path)) }
        var state: UInt32 = 7
        func random(_ bound: Int) -> Int {
            state = state &* 1_103_515_245 &+ 12345
            return Int(state >> 8) % bound
        }
        for round in 0..<90 {
            var bytes = original
            if round % 3 == 0 {
                bytes = Array(bytes.prefix(random(bytes.count)))
            } else {
                for _ in 0..<(1 + round % 5) { bytes[random(bytes.count)] = UInt8(random(256)) }
            }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let file = try WARCFile(path: path)
            let walk = file.walk()
            #expect(!walk.records.isEmpty || !walk.problems.isEmpty || bytes.isEmpty)
            for record in walk.records {
                // What a walk yields can be read again by its offset.
                let loaded = try file.record(at: record.offset).get()
                #expect(loaded.block.count == record.contentLength)
                _ = HTTPPayload.of(loaded)
            }
            _ = WebArchiveIndex(walk.records)
        }
    }
}
