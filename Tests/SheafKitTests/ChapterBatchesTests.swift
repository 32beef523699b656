import Testing
@testable import SheafKit

@Suite struct ChapterBatchesTests {
    static func articles(_ sizes: [Int]) -> [ArticleHeader] {
        sizes.enumerated().map { index, size in
            ArticleHeader(id: String(index), channel: "73", title: "t", date: nil, source: nil, site: nil,
                          files: ["pages/73/\(index).md"], size: size)
        }
    }

    @Test func batchesHoldEightArticlesAThreadAtMost() {
        let small = Self.articles(Array(repeating: 1_000, count: 20))
        #expect(ChapterBatches.batchEnd(small, from: 0, workers: 1) == 8)
        #expect(ChapterBatches.batchEnd(small, from: 0, workers: 2) == 16)
        #expect(ChapterBatches.batchEnd(small, from: 16, workers: 2) == 20)
    }

    @Test func batchesStopAtTheirShareOfHTMLButTakeALongArticleAlone() {
        let cap = ChapterBatches.batchBytes
        let sizes = [cap / 2, cap / 2, 1, 3 * cap, 10, 10]
        let articles = Self.articles(sizes)
        #expect(ChapterBatches.batchEnd(articles, from: 0, workers: 1) == 2)
        #expect(ChapterBatches.batchEnd(articles, from: 2, workers: 1) == 3)
        #expect(ChapterBatches.batchEnd(articles, from: 3, workers: 1) == 4)
        #expect(ChapterBatches.batchEnd(articles, from: 0, workers: 2) == 3)
    }
}

extension ChapterBatchesTests {
    /// Three articles, the second one's file gone since the first pass (its body was not kept).
    static func volume() -> (Volume, BodyLoader) {
        var headers = articles([100, 100, 100])
        headers[1].files = ["/nonexistent/pages/73/1.md", "/nonexistent/pages/19/1.md"]
        let volume = Volume(key: "k", title: "t", subtitle: nil, collection: "c", fileName: "c.epub", language: "zh",
                            sections: [VolumeSection(title: nil, articles: headers)])
        let bodies = Dictionary(uniqueKeysWithValues: [headers[0], headers[2]].map { ($0.files[0], "<p>正文</p>") })
        return (volume, BodyLoader(readBodies: bodies))
    }

    static func steps(_ loader: BodyLoader) -> (Volume) -> ChapterBatches.Steps {
        { volume in
            ChapterBatches.Steps(load: loader, normalize: XHTMLWriter(language: "zh", links: BookLinks(volume: volume)),
                                 limits: BookLimits())
        }
    }

    /// An article whose file is gone is skipped with a warning per merged file, and the volume made without it.
    @Test(arguments: [1, 2]) func aVolumeStartsAgainWithoutAnArticleThatCannotBeRead(workers: Int) throws {
        let (volume, loader) = Self.volume()
        let assembler = BookAssembler(templates: try TemplateSet.builtIn(), environment: BuildEnvironment())
        let (made, side) = ChapterBatches(workers: workers)
            .run(volume, file: "c.epub", assembler: assembler, beside: { @Sendable in 7 }, steps: Self.steps(loader))
        #expect(made.volume.articles.map(\.id) == ["0", "2"])
        #expect(made.rendered.count == 2 && made.rendered.problem == nil)
        #expect(made.skipped.map(\.file) == ["/nonexistent/pages/73/1.md", "/nonexistent/pages/19/1.md"])
        #expect(made.skipped.allSatisfy { $0.severity == .warning })
        #expect(side == 7, "the job beside runs once, with the first batch")
    }

    @Test func anInterruptedVolumeStopsWithoutPages() throws {
        let (volume, loader) = Self.volume()
        let interruption = BuildInterruption()
        _ = interruption.request()
        let assembler = BookAssembler(templates: try TemplateSet.builtIn(), environment: BuildEnvironment())
        let (made, _) = ChapterBatches(workers: 2, interruption: interruption)
            .run(volume, file: "c.epub", assembler: assembler, beside: Optional<@Sendable () -> Int>.none,
                 steps: Self.steps(loader))
        #expect(made.rendered.count == 0 && made.skipped.isEmpty)
    }
}
