import Foundation
import Testing
@testable import SheafKit

@Suite struct SheafPipelineTests {
    @Test func collectionIsTheFolderAbovePages() {
        #expect(SheafPipeline.collectionName(of: "/x/mh-news/pages/73/1.md") == "mh-news")
        #expect(SheafPipeline.collectionName(of: "Samples/goodnews/pages/p1/951211.md") == "goodnews")
        #expect(SheafPipeline.collectionName(of: "/x/pages/mh-news/pages/73/1.md") == "mh-news")
        #expect(SheafPipeline.collectionName(of: "../shared/mh-news/./pages/73/1.md") == "mh-news")
        #expect(SheafPipeline.collectionName(of: "/x/other/../mh-news/pages/73/1.md") == "mh-news")
        #expect(SheafPipeline.collectionName(of: "/x/mh-news/73/1.md") == nil)
        // Nothing before pages/ in the path as written: the working folder's name.
        let here = InputPath.lastComponent(FileManager.default.currentDirectoryPath)
        #expect(SheafPipeline.collectionName(of: "pages/73/1.md") == here)
        #expect(SheafPipeline.collectionName(of: "./x/../pages/73/1.md") == here)
        #expect(SheafPipeline.collectionName(of: "/x/notes/1.md") == nil)
        #expect(SheafPipeline.collectionName(of: "/pages/73/1.md") == nil)
    }

    @Test func collectionRootKeepsThePathAsWritten() {
        #expect(SheafPipeline.collectionRoot(of: "Samples/mh-news/pages/73/1.md") == "Samples/mh-news")
        #expect(SheafPipeline.collectionRoot(of: "pages/73/1.md") == ".")
        #expect(SheafPipeline.collectionRoot(of: "/pages/73/1.md") == "/")
        #expect(SheafPipeline.collectionRoot(of: "notes/1.md") == nil)
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
}
