import Testing
@testable import SheafKit

@Suite struct VolumeFingerprintTests {
    static let header = ArticleHeader(id: "1", channel: "73", title: "Title", date: ArticleDate(year: 2021, month: 1, day: 18),
                                      source: "http://x.org/1.html", site: "x", files: ["pages/73/1.md"])
    static let volume = Volume(key: "2021-W03", title: "c 2021-W03", subtitle: nil, collection: "c",
                               fileName: "c-2021-W03.epub", language: "zh",
                               sections: [VolumeSection(title: nil, articles: [header])])

    static func fingerprint(_ volume: Volume = volume, body: String = "aa", epoch: Int? = nil) throws -> String {
        var hashed = volume
        for s in hashed.sections.indices {
            for a in hashed.sections[s].articles.indices { hashed.sections[s].articles[a].bodyHash = body }
        }
        return VolumeFingerprint.fingerprint(of: hashed, templates: try .builtIn(),
                                             environment: BuildEnvironment(sourceDateEpoch: epoch))
    }

    @Test func sameInputSameFingerprint() throws {
        #expect(try Self.fingerprint() == Self.fingerprint())
        #expect(try Self.fingerprint().count == 16)
    }

    @Test func changesWhenAnArticleBodyChanges() throws {
        #expect(try Self.fingerprint(body: "aa") != Self.fingerprint(body: "ab"))
    }

    @Test func changesWithWhatShapesTheBook() throws {
        var retitled = Self.volume
        retitled.sections[0].articles[0].title = "Other"
        var regrouped = Self.volume
        regrouped.sections[0].title = "2021-01-18"
        #expect(try Self.fingerprint(retitled) != Self.fingerprint())
        #expect(try Self.fingerprint(regrouped) != Self.fingerprint())
        #expect(try Self.fingerprint(epoch: 1_600_000_000) != Self.fingerprint())
    }

    @Test func shortInputsHashAsPlainFNV1a() {
        #expect(FNV1a.hex(of: "") == "cbf29ce484222325")
        #expect(FNV1a.hex(of: "a") == "af63dc4c8601ec8c")
        #expect(FNV1a.hex(of: "foobar") == "85944171f73967e8")
    }

    @Test func everyBitOfALongInputCounts() {
        let text = Array("0123456789abcdef0123456789abcdef".utf8)
        var seen: Set<String> = [FNV1a.hex(of: String(decoding: text, as: UTF8.self))]
        for index in text.indices {
            for bit in 0..<8 {
                var flipped = text
                flipped[index] ^= UInt8(1 << bit)
                var hash = FNV1a()
                flipped.withUnsafeBytes { hash.update($0) }
                seen.insert(hash.hex)
            }
        }
        #expect(seen.count == 1 + text.count * 8)
    }
}
