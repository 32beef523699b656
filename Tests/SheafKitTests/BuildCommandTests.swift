import Foundation
import Testing

/// `sheaf build` as a user runs it: paths checked before any book, recipes that fail alone.
@Suite struct BuildCommandTests {
    static let samples = EndToEndTests.samples

    static func books(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".epub") }
    }

    @Test func aReportPathThatCannotBeWrittenStopsTheRunBeforeAnyBook() throws {
        let out = try Scratch()
        let missing = try Sheaf.run(["build", Self.samples, "--out", out.path("books"),
                                     "--report", out.path("nowhere/report.json")])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains(out.path("nowhere")), "\(missing.stderr)")
        #expect(Self.books(in: out.path("books")).isEmpty)
        let folder = try Sheaf.run(["build", Self.samples, "--out", out.path("books"), "--report", out.path("")])
        #expect(folder.status == 1)
        #expect(folder.stderr.contains("is a folder"), "\(folder.stderr)")
        #expect(Self.books(in: out.path("books")).isEmpty)
    }

    @Test func everyRecipesToFolderIsCheckedBeforeAnyBook() throws {
        let out = try Scratch()
        try """
            [recipes.first]
            inputs = ["\(Self.samples)"]
            out = "one"
            [recipes.second]
            inputs = ["\(Self.samples)"]
            out = "two"
            to = "no-reader-here"
            """.write(toFile: out.path("sheaf.toml"), atomically: true, encoding: .utf8)
        let run = try Sheaf.run(["build"], directory: out.path(""))
        #expect(run.status == 1)
        #expect(run.stderr.contains("no-reader-here"), "\(run.stderr)")
        #expect(Self.books(in: out.path("one")).isEmpty)
    }

    @Test func aRecipeWhoseInputIsMissingDoesNotStopTheOthers() throws {
        let out = try Scratch()
        try """
            [recipes.gone]
            inputs = ["no-such-collection"]
            out = "gone"
            [recipes.here]
            inputs = ["\(Self.samples)"]
            out = "here"
            """.write(toFile: out.path("sheaf.toml"), atomically: true, encoding: .utf8)
        let run = try Sheaf.run(["build"], directory: out.path(""))
        #expect(run.status == 1)
        #expect(run.stderr.contains("gone: "), "\(run.stderr)")
        #expect(run.stderr.contains("no-such-collection"))
        #expect(!Self.books(in: out.path("here")).isEmpty)
    }

    /// The report of `folder` built into `out`, and the run.
    private static func build(_ folder: String, out: Scratch) throws -> (run: ProcessResult, report: [String: Any]) {
        let run = try Sheaf.run(["build", folder, "--out", out.path("books"), "--report", out.path("report.json")])
        let data = try Data(contentsOf: URL(fileURLWithPath: out.path("report.json")))
        return (run, try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:])
    }

    @Test func aFileNoFormatReadsIsSkippedWithItsKindInTheReportAndTheSummary() throws {
        let out = try Scratch()
        try FileManager.default.createDirectory(atPath: out.path("in"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.samples + "/goodnews/pages/p1/951211.md", toPath: out.path("in/951211.md"))
        try Data("PK\u{3}\u{4}".utf8).write(to: URL(fileURLWithPath: out.path("in/minutes.docx")))
        let (run, report) = try Self.build(out.path("in"), out: out)
        #expect(run.status == 0, "\(run.stderr)")
        let skipped = report["skipped"] as? [[String: String]] ?? []
        #expect(skipped == [["file": out.path("in/minutes.docx"), "reason": "not an article: no reader for .docx files"]])
        #expect((run.stdout + run.stderr).contains("no reader for .docx files"), "\(run.stdout)")
        #expect(Self.books(in: out.path("books")).count == 1)
    }

    @Test func theReportIsWrittenWhenNoArticleIsFound() throws {
        let out = try Scratch()
        try FileManager.default.createDirectory(atPath: out.path("in"), withIntermediateDirectories: true)
        try Data("PK\u{3}\u{4}".utf8).write(to: URL(fileURLWithPath: out.path("in/minutes.docx")))
        try "just words\n".write(toFile: out.path("in/notes.md"), atomically: true, encoding: .utf8)
        let (run, report) = try Self.build(out.path("in"), out: out)
        #expect(run.status == 1)
        #expect(run.stderr.contains("no articles found in \(out.path("in"))"), "\(run.stderr)")
        let skipped = report["skipped"] as? [[String: String]] ?? []
        #expect(skipped.map { $0["file"] ?? "" } == [out.path("in/minutes.docx"), out.path("in/notes.md")])
        #expect(skipped.first?["reason"] == "not an article: no reader for .docx files")
        #expect((report["volumes"] as? [Any])?.isEmpty == true)
    }
}
