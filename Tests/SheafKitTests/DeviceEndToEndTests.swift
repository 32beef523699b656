import Foundation
import Testing

/// Runs the built `sheaf` binary with `--device` and `--to`, as a user sideloading to a reader would.
@Suite(.serialized) struct DeviceEndToEndTests {
    static let goodnews = EndToEndTests.samples + "/goodnews"

    func report(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] ?? [:]
    }

    @Test func koboBooksAreKepubsCopiedOnceToTheReader() throws {
        let out = try Scratch()
        try FileManager.default.createDirectory(atPath: out.path("reader"), withIntermediateDirectories: true)
        let arguments = ["build", Self.goodnews, "--device", "kobo", "--out", out.path("books"), "--to", out.path("reader"),
                         "--report", out.path("report.json")]
        let first = try Sheaf.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        let books = try FileManager.default.contentsOfDirectory(atPath: out.path("books")).filter { $0.hasSuffix(".epub") }
        #expect(!books.isEmpty && books.allSatisfy { $0.hasSuffix(".kepub.epub") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path("reader")).sorted() == books.sorted())
        #expect(first.stdout.contains("\(books.count) copied to \(out.path("reader"))"), "\(first.stdout)")
        let copies = try report(out.path("report.json"))["sideloaded"] as? [[String: Any]] ?? []
        #expect(copies.count == books.count && copies.allSatisfy { $0["status"] as? String == "copied" })

        let again = try Sheaf.run(arguments)
        #expect(again.status == 0)
        #expect(again.stdout.contains("0 copied to \(out.path("reader")), \(books.count) already there"), "\(again.stdout)")
        let unchanged = try report(out.path("report.json"))["sideloaded"] as? [[String: Any]] ?? []
        #expect(unchanged.allSatisfy { $0["status"] as? String == "unchanged" })
        if EPUBCheck.jar != nil, let book = books.first {
            let result = try EPUBCheck.check(out.path("books/" + book))
            #expect(result.passed, "\(result.output)")
        }
    }

    @Test func aMissingReaderFolderStopsTheBuildNamingIt() throws {
        let out = try Scratch()
        let run = try Sheaf.run(["build", Self.goodnews, "--out", out.path("books"), "--to", out.path("KOBOeReader")])
        #expect(run.status == 1)
        #expect(run.stderr.contains(out.path("KOBOeReader")) && run.stderr.contains("no such folder"), "\(run.stderr)")
    }

    @Test func kindleBooksDeclareAPrimaryLanguageTag() throws {
        let out = try Scratch()
        let run = try Sheaf.run(["build", Self.goodnews, "--device", "kindle", "--language", "zh-Hant", "--no-catalog",
                                 "--out", out.path("books"), "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let book = try #require(try FileManager.default.contentsOfDirectory(atPath: out.path("books")).first)
        let listing = try runProcess("/usr/bin/env", ["unzip", "-p", out.path("books/" + book), "OEBPS/content.opf"])
        #expect(listing.stdout.contains("<dc:language>zh</dc:language>"), "\(listing.stdout.prefix(600))")
    }

    @Test func helpTeachesWhatEachProfileChanges() throws {
        let help = try Sheaf.run(["help", "build"])
        for device in ["generic:", "kindle:", "kobo:", "koreader:", "apple:", "kepub.epub", "50 MB", "--to <dir>"] {
            #expect(help.stdout.contains(device), "\(device)")
        }
    }
}
