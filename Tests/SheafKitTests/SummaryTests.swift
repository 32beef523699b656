import Foundation
import Testing

/// The closing lines of `sheaf build`: what was written, merged and left out, in plain words.
@Suite struct SummaryTests {
    static let samples = EndToEndTests.samples

    @Test func namesTheBooksWrittenAndCountsTheRest() throws {
        let out = try Scratch()
        let run = try Sheaf.run(["build", Self.samples, "--out", out.path("books"), "--group-by", "day"])
        #expect(run.status == 0, "\(run.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path("books"))
            .filter { $0.hasSuffix(".epub") }.sorted()
        #expect(written.count > 5)
        #expect(run.stdout.contains("written: " + written.prefix(3).joined(separator: ", ")
                                    + " and \(written.count - 3) more"), "\(run.stdout)")
    }

    @Test func singularsAreSingular() throws {
        let out = try Scratch()
        let run = try Sheaf.run(["build", Self.samples + "/goodnews", "--out", out.path("books")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("1 book written"), "\(run.stdout)")
        #expect(run.stdout.contains("(1 article"), "\(run.stdout)")
        #expect(!run.stdout.contains("1 articles") && !run.stdout.contains("1 books"))
    }

    @Test func saysHowManyDuplicatesWereMergedAndWhereTheNotesAre() throws {
        let out = try Scratch()
        let plain = try Sheaf.run(["build", Self.samples, "--out", out.path("a")])
        #expect(plain.stdout.contains("duplicate files merged"), "\(plain.stdout)")
        #expect(plain.stdout.contains("(--report FILE lists them)"), "\(plain.stdout)")
        let reported = try Sheaf.run(["build", Self.samples, "--out", out.path("b"), "--report", out.path("r.json")])
        #expect(reported.stdout.contains("notes in \(out.path("r.json"))"), "\(reported.stdout)")
    }

    @Test func givesEveryReasonForLeavingArticlesOutWithItsCount() throws {
        let out = try Scratch()
        let run = try Sheaf.run(["build", Self.samples, "--out", out.path("books"), "--channel", "19", "--channel", "p1",
                                 "--since", "2021-01-20"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("not in the chosen channels"), "\(run.stdout)")
        #expect(run.stdout.contains("outside the time window"), "\(run.stdout)")
        #expect(!run.stdout.contains("e.g."))
    }

    @Test func anEmptyResultSaysWhyAndWhatToTry() throws {
        let out = try Scratch()
        let run = try Sheaf.run(["build", Self.samples, "--out", out.path("books"), "--since", "2030-01-01"])
        #expect(run.stdout.contains("0 books written"), "\(run.stdout)")
        #expect(run.stdout.contains("the newest article is dated 2021-01-"), "\(run.stdout)")
        #expect(run.stdout.contains("--since"))
    }

    @Test func indexBooksOfASubfolderReportMissingPagesOnceAndOutsidePagesNotAtAll() throws {
        let out = try Scratch()
        let run = try Sheaf.run(["build", Self.samples + "/mh-news/pages/19", "--group-by", "index",
                                 "--out", out.path("books"), "--report", out.path("r.json")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("which is not in the collection"), "\(run.stderr)")
        let lines = run.stderr.split(separator: "\n").filter { $0.contains("not in the collection") }
        #expect(lines.count <= 1, "\(run.stderr)")
        let report = try String(contentsOfFile: out.path("r.json"), encoding: .utf8)
        #expect(!report.contains("pages/73/419232.md"), "a page outside the input folder is not missing")
    }
}
