import Foundation
import Testing

/// The values `build` and `plan` take, checked where they are given: the words a user sees and the exit status.
@Suite struct CollectionOptionsTests {
    static let samples = EndToEndTests.samples

    @Test(arguments: ["253402300800", "-99999999999999", "abc", "1e9", "0x10"])
    func aSourceDateEpochOutOfRangeOrNotANumberIsRefusedNamingIt(value: String) throws {
        let out = try Scratch()
        let run = try Sheaf.run(["build", Self.samples, "--out", out.path("books")],
                                environment: ["SOURCE_DATE_EPOCH": value])
        #expect(run.status == 1)
        #expect(run.stderr.contains("SOURCE_DATE_EPOCH '\(value)'"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path("books")))
    }

    @Test func todayDatesARelativeWindow() throws {
        let inside = try Sheaf.run(["plan", Self.samples, "--last", "7d", "--today", "2021-01-24"],
                                   environment: ["SOURCE_DATE_EPOCH": "1"])
        #expect(inside.status == 0, "\(inside.stderr)")
        #expect(inside.stdout.contains("mh-news-2021-W03.epub"))
        let bad = try Sheaf.run(["plan", Self.samples, "--last", "7d", "--today", "2021-02-30"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("'2021-02-30' is not a date"), "\(bad.stderr)")
    }

    @Test func aBareSizeAsksForAUnitAndASpacedOneMeansTheSame() throws {
        let split = try Sheaf.run(["plan", Self.samples, "--max-size", "10", "MB"])
        #expect(split.status != 0)
        #expect(split.stderr.contains("--max-size: '10' has no unit"), "\(split.stderr)")
        #expect(!split.stderr.contains("MB: no such"))
        let spaced = try Sheaf.run(["plan", Self.samples, "--max-size", "20 KB"])
        let joined = try Sheaf.run(["plan", Self.samples, "--max-size", "20KB"])
        #expect(spaced.status == 0 && joined.status == 0, "\(spaced.stderr)")
        #expect(spaced.stdout == joined.stdout)
    }

    @Test func sinceAfterUntilIsAnError() throws {
        let run = try Sheaf.run(["plan", Self.samples, "--since", "2021-02-01", "--until", "2021-01-01"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--since 2021-02-01 is after --until 2021-01-01"), "\(run.stderr)")
    }

    @Test func anAbsentChannelIsNamed() throws {
        let out = try Scratch()
        let run = try Sheaf.run(["build", Self.samples, "--channel", "999", "--out", out.path("books")])
        #expect(run.stderr.contains("no channel 999"), "\(run.stderr)")
        #expect(!(run.stderr + run.stdout).contains("channel 140"))
        #expect(!(run.stderr + run.stdout).contains("is not among the chosen channels"))
    }

    @Test func anUnknownPlaceholderIsAnError() throws {
        let run = try Sheaf.run(["plan", Self.samples, "--file-name", "{colection}-{key}.epub"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("unknown placeholder {colection}"), "\(run.stderr)")
        #expect(run.stderr.contains("{collection}"))
    }

    @Test func aForcedFormatReadsAFileWhateverItsNameAndAnUnknownOneIsRefused() throws {
        let out = try Scratch()
        let page = out.path("saved-page")
        try FileManager.default.copyItem(atPath: Self.samples + "/goodnews/pages/p1/951211.md", toPath: page)
        // Without an extension the name says nothing; the page's first bytes would, so --format is what is tested
        // by a file they do not name: plain text in front of the page.
        let text = try String(contentsOfFile: page, encoding: .utf8)
        try ("Saved from the mirror.\n" + text).write(toFile: page, atomically: true, encoding: .utf8)
        let chosen = try Sheaf.run(["plan", page])
        #expect(chosen.stdout.contains("skipped: \(page): not an article: no reader for files without an extension"),
                "\(chosen.stdout)")
        #expect(chosen.stdout.contains("0 books"), "\(chosen.stdout)")
        let forced = try Sheaf.run(["plan", page, "--format", "mirror"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.contains("1 book, 1 article, 0 files skipped"), "\(forced.stdout)")
        let unknown = try Sheaf.run(["plan", page, "--format", "rss"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("--format: unknown input format 'rss'; the known formats are mirror"),
                "\(unknown.stderr)")
    }
}
