import Foundation
import Testing
@testable import SheafKit

@Suite struct GzipStreamTests {
    typealias TestData = WebArchiveTestData
    let text = Array("<html><body><p>Rain fell for a week; the river rose by two metres.</p></body></html>".utf8)

    @Test func inflatesAGzipMember() {
        let inflated = GzipStream.decompress(TestData.gzip(text), limit: 1000)
        #expect(inflated.bytes == text)
        #expect(inflated.problem == nil)
        #expect(inflated.consumed == TestData.gzip(text).count)
    }

    @Test func inflatesEveryMemberOfAFile() {
        let second = Array(" And then it stopped.".utf8)
        let inflated = GzipStream.decompress(TestData.gzip(text) + TestData.gzip(second), limit: 1000)
        #expect(inflated.bytes == text + second)
        #expect(inflated.problem == nil)
    }

    @Test func inflatesTheFixtureArchiveAsWarcioWroteIt() throws {
        let members = try TestData.fixtureBytes("sample.warc.gz")
        let inflated = GzipStream.decompress(members, limit: WebArchiveLimits.pageBytes)
        #expect(inflated.problem == nil)
        #expect(inflated.bytes == (try TestData.fixtureBytes("sample.warc")))
    }

    @Test func refusesABombAtTheLimitWithoutInflatingIt() {
        let bomb = TestData.spaceBomb(count: 120 * 1_048_576)
        #expect(bomb.count < 1_000_000)  // 120 MB of spaces in under a megabyte.
        let inflated = GzipStream.decompress(bomb, limit: WebArchiveLimits.pageBytes)
        #expect(inflated.problem == .tooLarge(limit: WebArchiveLimits.pageBytes))
        #expect(inflated.problem?.description == "decompresses to more than 32 MB")
        #expect(inflated.bytes.count == WebArchiveLimits.pageBytes)
        #expect(inflated.bytes.allSatisfy { $0 == 0x20 })
        // It stopped about a window past the limit: most of the compressed bomb was never read.
        #expect(inflated.consumed < bomb.count / 2)
    }

    @Test func findsABombMembersEndWhenAskedKeepingOnlyTheLimit() {
        let bomb = TestData.spaceBomb(count: 3 * 1_048_576 + 7, checked: true)
        let next = TestData.gzip(text)
        let buffer = bomb + next
        let inflated = buffer.withUnsafeBytes { GzipStream.member(in: $0, at: 0, limit: 1000, findsEnd: true) }
        #expect(inflated.bytes.count == 1000)
        #expect(inflated.size == 3 * 1_048_576 + 7)
        #expect(inflated.problem == .tooLarge(limit: 1000))
        #expect(inflated.consumed == bomb.count)
        let after = buffer.withUnsafeBytes { GzipStream.member(in: $0, at: inflated.consumed, limit: 1000, findsEnd: true) }
        #expect(after.bytes == text)
    }

    @Test func keepsWhatCameFromATruncatedMember() {
        let long = Array(repeating: text, count: 50).flatMap { $0 }
        let member = TestData.gzip(long)
        let inflated = GzipStream.decompress(Array(member.prefix(member.count / 2)), limit: 1_000_000)
        #expect(inflated.problem == .truncated(.gzip))
        #expect(inflated.problem?.description == "truncated gzip data: the stream ends before its end marker")
        #expect(!inflated.bytes.isEmpty)
        #expect(long.starts(with: inflated.bytes))
    }

    @Test func saysWhenDataIsNotGzip() {
        let inflated = GzipStream.decompress(Array("<html>plain</html>".utf8), limit: 1000)
        #expect(inflated.problem == .notCompressed(.gzip))
        #expect(inflated.problem?.description == "not gzip data")
        #expect(GzipStream.decompress([UInt8](), limit: 10).problem == .notCompressed(.gzip))
        #expect(GzipStream.decompress([0x1F, 0x8B], limit: 10).problem == .truncated(.gzip))
    }

    @Test func reportsDamagedDeflateData() {
        var member = TestData.gzip(text)
        member[10] = 0xFF  // A block of the reserved type 3.
        member[11] = 0xFF
        guard case .corrupt(.gzip, let message)? = GzipStream.decompress(member, limit: 1000).problem else {
            Issue.record("damage not reported")
            return
        }
        #expect(!message.isEmpty)
    }

    @Test func readsMembersOneAfterTheOtherByOffset() {
        let second = Array("second record".utf8)
        let prefix = Array("junk before".utf8)
        let buffer = prefix + TestData.gzip(text) + TestData.gzip(second)
        buffer.withUnsafeBytes { bytes in
            let first = GzipStream.member(in: bytes, at: prefix.count, limit: 1000, findsEnd: true)
            #expect(first.bytes == text)
            #expect(first.consumed == TestData.gzip(text).count)
            let next = GzipStream.member(in: bytes, at: prefix.count + first.consumed, limit: 1000, findsEnd: true)
            #expect(next.bytes == second)
            #expect(next.problem == nil)
            #expect(GzipStream.member(in: bytes, at: 0, limit: 1000, findsEnd: true).problem == .notCompressed(.gzip))
        }
    }

    @Test func stopsAMemberAtTheLimitUnlessItsEndIsWanted() {
        let long = Array(repeating: UInt8(ascii: "a"), count: 5000)
        let member = TestData.gzip(long)
        member.withUnsafeBytes { bytes in
            let stopped = GzipStream.member(in: bytes, at: 0, limit: 100, findsEnd: false)
            #expect(stopped.bytes == Array(long.prefix(100)))
            #expect(stopped.problem == .tooLarge(limit: 100))
            let skipped = GzipStream.member(in: bytes, at: 0, limit: 100, findsEnd: true)
            #expect(skipped.bytes == Array(long.prefix(100)))
            #expect(skipped.size == 5000)
            #expect(skipped.consumed == member.count)
        }
    }

    @Test func inflatesZlibAndRawDeflateForContentEncodingDeflate() {
        let zlib = GzipStream.decompressDeflate(TestData.zlib(text), limit: 1000)
        #expect(zlib.bytes == text)
        #expect(zlib.problem == nil)
        let raw = GzipStream.decompressDeflate(TestData.deflate(text), limit: 1000)
        #expect(raw.bytes == text)
        #expect(raw.problem == nil)
    }

    @Test func recognisesZlibHeaders() {
        [UInt8]([0x78, 0x9C]).withUnsafeBytes { #expect(GzipStream.hasZlibHeader($0)) }
        [UInt8]([0x78, 0x01]).withUnsafeBytes { #expect(GzipStream.hasZlibHeader($0)) }
        [UInt8]([0x78, 0x02]).withUnsafeBytes { #expect(!GzipStream.hasZlibHeader($0)) }
        TestData.deflate(text).withUnsafeBytes { #expect(!GzipStream.hasZlibHeader($0)) }
    }
}
