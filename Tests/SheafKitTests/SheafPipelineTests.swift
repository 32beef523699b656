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
        #expect(BookFile.isLeftover("goodnews.epub.capped") && BookFile.isLeftover("goodnews.epub.capped.a1B2c3"))
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
}
