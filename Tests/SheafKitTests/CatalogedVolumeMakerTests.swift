import Foundation
import Testing
@testable import SheafKit

/// Incremental builds through the pipeline, over a scratch copy of Samples/.
@Suite struct CatalogedVolumeMakerTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples")

    /// A copy of Samples/ to change, and a folder for the books.
    final class Archive {
        let scratch: Scratch
        var inputs: String { scratch.path("Samples") }
        var out: String { scratch.path("books") }

        init() throws {
            scratch = try Scratch()
            try FileManager.default.copyItem(at: CatalogedVolumeMakerTests.samples, to: URL(fileURLWithPath: inputs))
        }

        func build(_ change: (inout BuildOptions) -> Void = { _ in }) async throws -> BuildReport {
            var options = BuildOptions(inputs: [inputs], outputDirectory: out, jobs: 2)
            change(&options)
            return try await SheafPipeline(options: options, environment: BuildEnvironment()).build()
        }

        func bytes(_ report: BuildReport) throws -> [String: Data] {
            Dictionary(uniqueKeysWithValues: try report.volumes.map { ($0.file, try Data(contentsOf: URL(fileURLWithPath: $0.file))) })
        }

        /// Copies an article to a new id with its own source URL, so it is a new article of the same week.
        func addArticle(copying relative: String, as id: String) throws {
            let source = scratch.path("Samples/" + relative)
            let text = try String(contentsOfFile: source, encoding: .utf8)
            let old = (relative as NSString).lastPathComponent.replacingOccurrences(of: ".md", with: "")
            let target = ((source as NSString).deletingLastPathComponent as NSString).appendingPathComponent(id + ".md")
            try text.replacingOccurrences(of: old + ".html", with: id + ".html").write(toFile: target, atomically: true, encoding: .utf8)
        }
    }

    static func statuses(_ report: BuildReport) -> [String: BuildReport.VolumeEntry.Status] {
        Dictionary(uniqueKeysWithValues: report.volumes.map { (($0.file as NSString).lastPathComponent, $0.status) })
    }

    @Test func rebuildingUnchangedInputWritesNothing() async throws {
        let archive = try Archive()
        let first = try await archive.build()
        let bytes = try archive.bytes(first)
        let second = try await archive.build()
        #expect(first.writtenVolumes.count == first.volumes.count)
        #expect(second.unchangedVolumes.count == first.volumes.count)
        #expect(second.volumes.map(\.identifier) == first.volumes.map(\.identifier))
        #expect(second.volumes.map(\.articles) == first.volumes.map(\.articles))
        #expect(try archive.bytes(second) == bytes)
    }

    @Test func aNewArticleRewritesOnlyItsBookAndKeepsTheIdentifier() async throws {
        let archive = try Archive()
        let first = try await archive.build()
        try archive.addArticle(copying: "mh-news/pages/73/419232.md", as: "999001")
        let second = try await archive.build()
        let statuses = Self.statuses(second)
        #expect(statuses["mh-news-2021-W04.epub"] == .written)
        #expect(statuses.filter { $0.value == .written }.count == 1)
        #expect(second.volumes.map(\.identifier) == first.volumes.map(\.identifier))
        // Without a catalog the identifier derives from the content, which changed.
        let fresh = try await archive.build { $0.catalog = false; $0.outputDirectory = archive.scratch.path("fresh") }
        let week = { (r: BuildReport) in r.volumes.first { $0.file.hasSuffix("2021-W04.epub") }?.identifier }
        #expect(week(fresh) != week(second))
    }

    @Test func aChangedBodyOrATamperedOrMissingBookIsRebuilt() async throws {
        let archive = try Archive()
        let first = try await archive.build()
        let bytes = try archive.bytes(first)
        let w04 = try #require(first.volumes.first { $0.file.hasSuffix("2021-W04.epub") }?.file)
        let w03 = try #require(first.volumes.first { $0.file.hasSuffix("2021-W03.epub") }?.file)
        try Data("tampered".utf8).write(to: URL(fileURLWithPath: w04))
        try FileManager.default.removeItem(atPath: w03)
        let second = try await archive.build()
        #expect(Self.statuses(second).filter { $0.value == .written }.keys.sorted()
                == ["mh-news-2021-W03.epub", "mh-news-2021-W04.epub"])
        #expect(try archive.bytes(second) == bytes)

        // Of the three copies of this article, pages/19 comes first and is the one read.
        let article = archive.scratch.path("Samples/mh-news/pages/19/419232.md")
        let text = try String(contentsOfFile: article, encoding: .utf8)
        try text.replacingOccurrences(of: "程思桂老人是", with: "程思桂老人曾是").write(toFile: article, atomically: true, encoding: .utf8)
        let third = try await archive.build()
        #expect(Self.statuses(third).filter { $0.value == .written }.keys.sorted() == ["mh-news-2021-W04.epub"])
    }

    @Test func anArticleOfAnEarlierBookIsNotRepeatedUnlessAsked() async throws {
        let archive = try Archive()
        // One series (as one recipe's books are), whatever the file names.
        _ = try await archive.build { $0.grouping = .all; $0.fileNamePattern = "first.epub"; $0.channels = ["nf4778"]; $0.series = "digest" }
        let second = try await archive.build { $0.grouping = .all; $0.fileNamePattern = "second.epub"; $0.series = "digest" }
        let secondArticles = second.volumes.flatMap(\.articles).flatMap(\.files)
        #expect(!secondArticles.contains { $0.hasSuffix("nf4778/n11922496.md") })
        #expect(second.excluded.contains { $0.file.hasSuffix("nf4778/n11922496.md") && $0.reason.contains("first.epub") })
        let repeated = try await archive.build {
            $0.grouping = .all; $0.fileNamePattern = "second.epub"; $0.repeatArticles = true; $0.series = "digest"
        }
        #expect(repeated.volumes.flatMap(\.articles).flatMap(\.files).contains { $0.hasSuffix("nf4778/n11922496.md") })
    }

    /// `--prune` deletes only books whose articles are all in books this build makes: never a book whose
    /// articles are gone from the input.
    @Test func removedSourcesKeepTheirBooksEvenWithPrune() async throws {
        let archive = try Archive()
        let first = try await archive.build()
        try FileManager.default.removeItem(atPath: archive.scratch.path("Samples/goodnews"))
        let kept = try await archive.build()
        let goodnews = try #require(first.volumes.first { $0.file.hasSuffix("goodnews-2020-W45.epub") }?.file)
        #expect(kept.pruned.isEmpty)
        #expect(FileManager.default.fileExists(atPath: goodnews))
        let pruned = try await archive.build { $0.prune = true }
        #expect(pruned.pruned.isEmpty)
        #expect(FileManager.default.fileExists(atPath: goodnews))
        #expect(try Catalog(folder: archive.out).books().map(\.file).contains("goodnews-2020-W45.epub"))
    }

    @Test func withoutACatalogNothingIsRecorded() async throws {
        let archive = try Archive()
        let report = try await archive.build { $0.catalog = false }
        #expect(report.writtenVolumes.count == report.volumes.count)
        #expect(!FileManager.default.fileExists(atPath: archive.out + "/" + Catalog.fileName))
    }
}
