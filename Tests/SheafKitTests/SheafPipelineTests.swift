import Foundation
import Testing
@testable import SheafKit

@Suite struct SheafPipelineTests {
    @Test func anUnknownFormatInTheOptionsIsAnErrorNotAFallBack() async throws {
        let scratch = try Scratch()
        var options = BuildOptions(inputs: [EndToEndTests.samples + "/goodnews"], outputDirectory: scratch.path("books"),
                                   grouping: .all, catalog: false)
        options.format = "rss"
        await #expect(throws: SheafError(stage: .read, "unknown input format 'rss'; the known formats are mirror, webpage, warc")) {
            try await SheafPipeline(options: options, environment: BuildEnvironment()).build()
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.path("books")))
    }

    @Test func aBookOverTheDevicesSizeCapFailsAndIsRemoved() async throws {
        let scratch = try Scratch()
        var tiny = DeviceProfile(.kindle)
        tiny.maxBookBytes = 1_000
        let options = BuildOptions(inputs: [EndToEndTests.samples + "/goodnews"], outputDirectory: scratch.path("books"),
                                   grouping: .all, catalog: false, device: tiny)
        let report = try await SheafPipeline(options: options, environment: BuildEnvironment()).build()
        let failed = try #require(report.volumes.first)
        #expect(failed.status == .failed)
        #expect(failed.error?.contains("over the 0 MB a kindle accepts by e-mail") == true, "\(failed.error ?? "")")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("books")).isEmpty)
    }

    @Test func aBookOverTheCapLeavesAnEarlierCopyAsItWas() async throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path("books"), withIntermediateDirectories: true)
        let earlier = Data("an earlier build".utf8)
        try earlier.write(to: URL(fileURLWithPath: scratch.path("books/goodnews.epub")))
        var tiny = DeviceProfile(.kindle)
        tiny.maxBookBytes = 1_000
        let options = BuildOptions(inputs: [EndToEndTests.samples + "/goodnews"], outputDirectory: scratch.path("books"),
                                   grouping: .all, catalog: false, device: tiny)
        let report = try await SheafPipeline(options: options, environment: BuildEnvironment()).build()
        #expect(report.volumes.first?.status == .failed)
        #expect(FileManager.default.contents(atPath: scratch.path("books/goodnews.epub")) == earlier)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("books")) == ["goodnews.epub"])
    }

    @Test func theDeviceNamesTheBooksAndTheirLanguage() throws {
        let options = BuildOptions(inputs: [EndToEndTests.samples + "/goodnews"], grouping: .all, language: "zh-Hans",
                                   device: DeviceProfile(.kobo))
        let plan = SheafPipeline(options: options, environment: BuildEnvironment()).plan()
        #expect(plan.volumes.map(\.fileName) == ["goodnews.kepub.epub"])
        #expect(plan.volumes.map(\.language) == ["zh-Hans"])
        var kindle = options
        kindle.device = DeviceProfile(.kindle)
        let kindlePlan = SheafPipeline(options: kindle, environment: BuildEnvironment()).plan()
        #expect(kindlePlan.volumes.map(\.fileName) == ["goodnews.epub"])
        #expect(kindlePlan.volumes.map(\.language) == ["zh"])
    }

    @Test func aBuildLeavesTheUsersOwnFilesInTheOutputFolderAlone() async throws {
        let scratch = try Scratch()
        let books = scratch.path("books")
        try FileManager.default.createDirectory(atPath: books + "/Thesis.epub.drafts", withIntermediateDirectories: true)
        let users = ["Novel.epub.backup", "Dune.epub.orig01", "Old.epub.2019v1", "Thesis.epub.drafts/chapter1.txt"]
        for name in users { try Data(name.utf8).write(to: URL(fileURLWithPath: books + "/" + name)) }
        let options = BuildOptions(inputs: [EndToEndTests.samples + "/goodnews"], outputDirectory: books,
                                   grouping: .all, catalog: false)
        let report = try await SheafPipeline(options: options, environment: BuildEnvironment()).build()
        #expect(report.volumes.map(\.status) == [.written])
        for name in users { #expect(FileManager.default.contents(atPath: books + "/" + name) == Data(name.utf8), "\(name)") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: books).sorted()
                == ["Dune.epub.orig01", "Novel.epub.backup", "Old.epub.2019v1", "Thesis.epub.drafts", "goodnews.epub"])
    }

    /// A collection of one article in each of `channels`.
    static func channelCollection(_ scratch: Scratch, _ channels: [String]) throws -> String {
        for (index, channel) in channels.enumerated() {
            let folder = scratch.path("coll/pages/" + channel)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let text = BadInputTests.article("Article \(index)", "<p>Text \(index).</p>",
                                             source: "https://example.org/\(index).html")
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/\(index + 1).md"))
        }
        return scratch.path("coll")
    }

    @Test func volumesWhoseNamesClashEvenInCaseAllGetTheirOwnFile() async throws {
        let scratch = try Scratch()
        let collection = try Self.channelCollection(scratch, ["a b", "a-b", "A", "a"])
        let options = BuildOptions(inputs: [collection], outputDirectory: scratch.path("books"), grouping: .channel,
                                   catalog: false, device: DeviceProfile(.kobo))
        let report = try await SheafPipeline(options: options, environment: BuildEnvironment()).build()
        #expect(report.volumes.count == 4)
        #expect(report.volumes.allSatisfy { $0.status == .written })
        let files = try FileManager.default.contentsOfDirectory(atPath: scratch.path("books"))
        #expect(files.count == 4, "\(files)")
        #expect(Set(files.map { $0.lowercased() }).count == 4, "\(files)")
        #expect(files.allSatisfy { $0.hasSuffix(".kepub.epub") }, "\(files)")
    }

    // MARK: - Catalog: series, repeat filter, prune

    static func build(_ options: BuildOptions) async throws -> BuildReport {
        try await SheafPipeline(options: options, environment: BuildEnvironment()).build()
    }

    static func names(_ paths: [String]) -> Set<String> { Set(paths.map(InputPath.lastComponent)) }

    @Test func changingTheWeekStartWithPruneRegroupsTheBooksAndLosesNoArticle() async throws {
        let scratch = try Scratch()
        var options = BuildOptions(inputs: [EndToEndTests.samples], outputDirectory: scratch.path("books"), jobs: 2)
        let first = try await Self.build(options)
        let catalog = try Catalog(folder: scratch.path("books"))
        let keys = Set(try catalog.articles().map(\.key))
        options.weekStart = 6
        options.prune = true
        let second = try await Self.build(options)
        #expect(!second.writtenVolumes.isEmpty && second.excluded.isEmpty)
        #expect(Self.names(second.pruned) == Self.names(first.volumes.map(\.file)))
        #expect(Set(try catalog.articles().map(\.key)) == keys)
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: scratch.path("books")).filter { $0.hasSuffix(".epub") }
        #expect(Set(onDisk) == Self.names(second.volumes.map(\.file)))
    }

    @Test func twoSeriesNeverWriteOneFileName() async throws {
        let scratch = try Scratch()
        let options = BuildOptions(inputs: [EndToEndTests.samples + "/goodnews"], outputDirectory: scratch.path("books"),
                                   grouping: .all, jobs: 1)
        let first = try await Self.build(options)
        let book = scratch.path("books/goodnews.epub")
        #expect(first.volumes.map(\.file) == [book])
        let bytes = FileManager.default.contents(atPath: book)
        var other = options
        other.fileNamePattern = "{collection}.epub"
        let second = try await Self.build(other)
        #expect(second.writtenVolumes.map(\.file) == [scratch.path("books/goodnews-2.epub")])
        #expect(FileManager.default.contents(atPath: book) == bytes)
        // Each series finds its own book again.
        #expect(try await Self.build(options).unchangedVolumes.map(\.file) == [book])
        #expect(try await Self.build(other).unchangedVolumes.map(\.file) == [scratch.path("books/goodnews-2.epub")])
    }

    @Test func pruneDeletesOnlyItsOwnUnchangedBooksInsideTheFolder() async throws {
        let scratch = try Scratch()
        let options = BuildOptions(inputs: [EndToEndTests.samples + "/goodnews"], outputDirectory: scratch.path("books"),
                                   grouping: .all, jobs: 1, prune: true)
        _ = try await Self.build(options)
        let catalog = try Catalog(folder: scratch.path("books"))
        let held = try catalog.articles()
        let victim = scratch.path("victim.txt")
        try Data("the user's own file".utf8).write(to: URL(fileURLWithPath: victim))
        try Data("edited by hand".utf8).write(to: URL(fileURLWithPath: scratch.path("books/edited.epub")))
        try FileManager.default.createSymbolicLink(atPath: scratch.path("books/link.epub"), withDestinationPath: victim)
        try FileManager.default.createDirectory(atPath: scratch.path("books/folder.epub"), withIntermediateDirectories: false)
        let measured = try #require(BookFile.measure(victim))
        let recorded = ["../victim.txt": measured, "edited.epub": (size: 14, hash: "0"), "link.epub": measured,
                        "folder.epub": measured, ".hidden.epub": measured, "gone.epub": measured]
        for (file, record) in recorded {
            var book = try #require(try catalog.books().first)
            (book.file, book.fileSize, book.fileHash) = (file, record.size, record.hash)
            try catalog.record(book, articles: held.map { var row = $0; row.book = file; return row })
        }
        let report = try await Self.build(options)
        #expect(FileManager.default.contents(atPath: victim) == Data("the user's own file".utf8))
        for file in ["edited.epub", "link.epub", "folder.epub"] {
            #expect(FileManager.default.fileExists(atPath: scratch.path("books/" + file)), "\(file)")
        }
        #expect(report.pruned == [scratch.path("books/gone.epub")])
        let warned = report.notes.filter { $0.severity == .warning && $0.message.hasPrefix("not pruned:") }.map(\.file)
        #expect(Set(warned.map(InputPath.lastComponent)) == ["victim.txt", "edited.epub", "link.epub", "folder.epub", ".hidden.epub"])
        #expect(try catalog.books().map(\.file).contains("gone.epub") == false)
    }

    @Test func theBooksOfAVersion1CatalogAreFoundUnchanged() async throws {
        let scratch = try Scratch()
        let options = BuildOptions(inputs: [EndToEndTests.samples], outputDirectory: scratch.path("books"), jobs: 2, prune: true)
        let first = try await Self.build(options)
        try CatalogTests.rewind(scratch.path("books"))
        let again = try await Self.build(options)
        #expect(again.unchangedVolumes.map(\.file) == first.volumes.map(\.file))
        #expect(again.pruned.isEmpty && again.excluded.isEmpty)
    }

    @Test func aBookIsNotPrunedWhenTheVolumeToTakeItsArticlesFails() async throws {
        let scratch = try Scratch()
        var options = BuildOptions(inputs: [EndToEndTests.samples + "/goodnews"], outputDirectory: scratch.path("books"),
                                   jobs: 1, series: "archive")
        let first = try await Self.build(options)
        var tiny = DeviceProfile(.kindle)
        tiny.maxBookBytes = 1_000
        (options.weekStart, options.prune, options.device) = (6, true, tiny)
        let second = try await Self.build(options)
        #expect(!second.failedVolumes.isEmpty && second.pruned.isEmpty)
        #expect(first.volumes.allSatisfy { FileManager.default.fileExists(atPath: $0.file) })
    }
}
