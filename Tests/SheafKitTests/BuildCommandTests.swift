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
}
