import Testing
@testable import SheafKit

@Suite struct VolumeMakerTests {
    static func articles(_ sizes: [Int]) -> [ArticleHeader] {
        sizes.enumerated().map { index, size in
            ArticleHeader(id: String(index), channel: "73", title: "t", date: nil, source: nil, site: nil,
                          files: ["pages/73/\(index).md"], size: size)
        }
    }

    @Test func batchesHoldEightArticlesAThreadAtMost() {
        let small = Self.articles(Array(repeating: 1_000, count: 20))
        #expect(VolumeMaker.batchEnd(small, from: 0, workers: 1) == 8)
        #expect(VolumeMaker.batchEnd(small, from: 0, workers: 2) == 16)
        #expect(VolumeMaker.batchEnd(small, from: 16, workers: 2) == 20)
    }

    @Test func batchesStopAtTheirShareOfHTMLButTakeALongArticleAlone() {
        let cap = VolumeMaker.batchBytes
        let sizes = [cap / 2, cap / 2, 1, 3 * cap, 10, 10]
        let articles = Self.articles(sizes)
        #expect(VolumeMaker.batchEnd(articles, from: 0, workers: 1) == 2)
        #expect(VolumeMaker.batchEnd(articles, from: 2, workers: 1) == 3)
        #expect(VolumeMaker.batchEnd(articles, from: 3, workers: 1) == 4)
        #expect(VolumeMaker.batchEnd(articles, from: 0, workers: 2) == 3)
    }
}
