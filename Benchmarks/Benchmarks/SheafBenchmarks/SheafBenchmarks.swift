import Benchmark
import Foundation
import SheafKit

/// The collection measured: `SHEAF_BENCH_COLLECTION`, or the test corpus beside the clone (found from this file:
/// the benchmark runs in another folder).
private let collection = ProcessInfo.processInfo.environment["SHEAF_BENCH_COLLECTION"]
    ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/corpus/mh-news").standardizedFileURL.path
private let channel = collection + "/pages/73"

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal],
        maxDuration: .seconds(10), maxIterations: 20)
    guard let fixture = try? PagesFixture(channel) else {
        print("no collection at \(collection): set SHEAF_BENCH_COLLECTION")
        return
    }

    Benchmark("read pages/73") { benchmark in
        for file in fixture.files {
            blackHole(MirrorArticleReader().read(file))
        }
    }
    Benchmark("normalize pages/73") { benchmark in
        let writer = XHTMLWriter(language: fixture.volume.language, links: BookLinks(volume: fixture.volume))
        for article in fixture.articles {
            blackHole(writer.chapter(for: article))
        }
    }
    Benchmark("package pages/73") { benchmark in
        let book = try BookAssembler(templates: fixture.templates, environment: fixture.environment)
            .assemble(fixture.volume, chapters: fixture.chapters)
        try EPUBWriter().write(book, to: fixture.scratch + "/package.epub")
    }
    Benchmark("build pages/73 as one book") { benchmark in
        blackHole(try await fixture.build([channel], grouping: .all))
    }
    Benchmark("build the collection by week", configuration: .init(maxIterations: 5)) { benchmark in
        blackHole(try await fixture.build([collection], grouping: .week))
    }
    Benchmark("build the collection as one book", configuration: .init(maxIterations: 5)) { benchmark in
        blackHole(try await fixture.build([collection], grouping: .all))
    }
}

/// pages/73 read, planned as one volume and normalized once, so each stage can be measured alone.
private struct PagesFixture: Sendable {
    let files: [ArticleFile]
    let volume: Volume
    let articles: [Article]
    let chapters: [Chapter]
    let templates: TemplateSet
    let environment = BuildEnvironment(sourceDateEpoch: 0)
    let scratch: String

    init(_ folder: String) throws {
        guard FileManager.default.fileExists(atPath: folder) else { throw CocoaError(.fileNoSuchFile) }
        files = CollectionScanner().scan([folder]).files
        let plan = SheafPipeline(options: BuildOptions(inputs: [folder], grouping: .all, catalog: false),
                                 environment: environment).plan()
        guard let volume = plan.volumes.first else { throw CocoaError(.fileReadCorruptFile) }
        self.volume = volume
        articles = volume.articles.compactMap { header in
            let file = ArticleFile(path: header.files.first ?? "", channel: header.channel, id: header.id)
            return try? MirrorArticleReader().read(file).get()
        }
        let writer = XHTMLWriter(language: volume.language, links: BookLinks(volume: volume))
        chapters = articles.map { writer.chapter(for: $0).chapter }
        templates = try TemplateSet.builtIn()
        scratch = NSTemporaryDirectory() + "sheaf-bench-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    /// A whole build into the scratch folder, without a catalog.
    func build(_ inputs: [String], grouping: Grouping) async throws -> BuildReport {
        let options = BuildOptions(inputs: inputs, outputDirectory: scratch + "/books", grouping: grouping,
                                   catalog: false)
        return try await SheafPipeline(options: options, environment: environment).build()
    }
}
