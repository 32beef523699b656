import Foundation
import Testing
@testable import SheafKit

@Suite(.serialized) struct HeaderReaderTests {
    static let sample = EndToEndTests.repository.appendingPathComponent("Samples/mh-news/pages/19/418414.md").path

    /// A collection in `scratch` holding the sample article saved as GB18030; its path and the UTF-8 reading.
    static func gb18030Collection(in scratch: Scratch) throws -> (path: String, article: Article) {
        let file = ArticleFile(path: sample, channel: "19", id: "418414")
        let article = try MirrorArticleReader().read(file).get()
        let text = try String(contentsOfFile: sample, encoding: .utf8)
        let bytes = try #require(text.data(using: LegacyEncoding.gb18030.foundationEncoding))
        try FileManager.default.createDirectory(atPath: scratch.path("legacy/pages/19"), withIntermediateDirectories: true)
        let path = scratch.path("legacy/pages/19/418414.md")
        try bytes.write(to: URL(fileURLWithPath: path))
        return (path, article)
    }

    @Test func collectsTheReadersNotes() throws {
        let scratch = try Scratch()
        let (path, article) = try Self.gb18030Collection(in: scratch)
        let result = HeaderReader().readHeaders(of: [
            InputFile(path: path, format: "mirror"),
            InputFile(path: Self.sample, format: "mirror"),
        ])
        #expect(result.articles.map(\.title) == [article.header.title, article.header.title])
        #expect(result.notes == [Diagnostic(.note, stage: .read, file: path, "decoded as GB18030")])
        #expect(result.skipped.isEmpty)
    }

    @Test func buildsAGB18030ArticleAndReportsTheDecodingOnce() throws {
        let scratch = try Scratch()
        let (path, article) = try Self.gb18030Collection(in: scratch)
        let run = try Sheaf.run(["build", scratch.path("legacy"), "--out", scratch.path("books"),
                                 "--report", scratch.path("report.json"), "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: scratch.path("report.json")))
        let report = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        let notes = report["notes"] as? [[String: String]] ?? []
        #expect(notes.filter { $0["file"] == path } == [
            ["severity": "note", "stage": "read", "file": path, "message": "decoded as GB18030"],
        ])
        let volume = try #require((report["volumes"] as? [[String: Any]])?.first)
        let entry = try #require((volume["articles"] as? [[String: Any]])?.first)
        #expect(entry["title"] as? String == article.header.title)
        #expect(article.header.title.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) })
        let book = try EPUB(path: volume["file"] as? String ?? "")
        #expect(try book.text("OEBPS/nav.xhtml").contains(article.header.title))
        if EPUBCheck.jar != nil {
            let check = try EPUBCheck.check(volume["file"] as? String ?? "")
            #expect(check.passed, "\(check.output)")
        }
    }
}

@Suite struct HeaderReaderHashingTests {
    @Test func fingerprintsBodiesOnlyWhenAsked() throws {
        let sample = HeaderReaderTests.sample
        let file = InputFile(path: sample, format: "mirror")
        let hashed = HeaderReader().readHeaders(of: [file])
        let plain = HeaderReader(hashesBodies: false).readHeaders(of: [file])
        #expect(hashed.articles.map { $0.bodyHash?.count } == [16])
        #expect(plain.articles.map(\.bodyHash) == [nil])
        var unhashed = hashed.articles[0]
        unhashed.bodyHash = nil
        #expect(Array(plain.articles) == [unhashed])
    }
}

@Suite struct HeaderReaderBodiesTests {
    private var files: [InputFile] {
        ["19/418414", "19/418691", "19/418706", "19/418799"].map {
            InputFile(path: EndToEndTests.repository.appendingPathComponent("Samples/mh-news/pages/\($0).md").path,
                      format: "mirror")
        }.filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    @Test func keepsEveryBodyWhenTheyFitAndNoneOtherwise() throws {
        let files = self.files
        try #require(files.count >= 2)
        let all = HeaderReader(keptBodyBytes: 1 << 30).readHeaders(of: files)
        #expect(all.bodies.count == files.count)
        for header in all.articles {
            #expect(all.bodies[header.files[0]]?.utf8.count == header.size)
        }
        let tooSmall = HeaderReader(keptBodyBytes: all.articles[0].size).readHeaders(of: files)
        #expect(tooSmall.bodies.isEmpty)
        #expect(tooSmall.articles == all.articles)
        #expect(HeaderReader().readHeaders(of: files).bodies.isEmpty)
    }

    /// Read in many runs on two threads, the bodies are kept when all of them together fit: the budget is one,
    /// not a share per run (the files repeat, so the first runs hold the large bodies and the last the small).
    @Test func manyRunsShareOneBudget() throws {
        let files = self.files
        try #require(files.count >= 2)
        let sizes = HeaderReader(keptBodyBytes: 1 << 30).readHeaders(of: files).articles.map(\.size)
        let large = files[sizes.firstIndex(of: sizes.max()!)!], small = files[sizes.firstIndex(of: sizes.min()!)!]
        try #require(sizes.max()! > sizes.min()!)
        let many = Array(repeating: large, count: 64) + Array(repeating: small, count: 960)
        let total = 64 * sizes.max()! + 960 * sizes.min()!
        let read = HeaderReader(jobs: 2, keptBodyBytes: total).readHeaders(of: many)
        #expect(read.articles.count == many.count)
        #expect(!read.bodies.isEmpty)
        #expect(HeaderReader(jobs: 2, keptBodyBytes: total - 1).readHeaders(of: many).bodies.isEmpty)
    }
}
