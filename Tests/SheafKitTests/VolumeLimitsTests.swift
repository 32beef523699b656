import Testing
@testable import SheafKit

@Suite struct VolumeLimitsTests {
    static func articles(_ sizes: [Int]) -> [ArticleHeader] {
        sizes.enumerated().map { index, size in
            ArticleHeader(id: String(index), channel: "c", title: "t\(index)", date: nil, source: nil, site: nil,
                          files: ["\(index).md"], size: size)
        }
    }

    @Test func countLimitGivesBalancedParts() {
        let parts = VolumeLimits(maxArticles: 4).parts(of: Self.articles(Array(repeating: 10, count: 10)))
        #expect(parts.map(\.count) == [4, 3, 3] || parts.map(\.count) == [3, 4, 3] || parts.map(\.count) == [3, 3, 4])
        #expect(parts.flatMap { $0 }.map(\.id) == (0..<10).map(String.init))
    }

    @Test func sizeLimitNeverSplitsAnArticleAndKeepsOrder() {
        let sizes = [500, 100, 100, 100, 700, 100, 100]
        let parts = VolumeLimits(maxSize: 800).parts(of: Self.articles(sizes))
        #expect(parts.flatMap { $0 }.map(\.size) == sizes)
        for part in parts where part.count > 1 {
            #expect(part.reduce(0) { $0 + $1.size } <= 800)
        }
        #expect(parts.count == 3)
    }

    @Test func anArticleLargerThanTheLimitStandsAlone() {
        let parts = VolumeLimits(maxSize: 100).parts(of: Self.articles([50, 500, 50]))
        #expect(parts.map { $0.map(\.size) } == [[50], [500], [50]])
    }

    @Test func randomVolumesAlwaysSplitIntoFittingPartsInOrder() {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<300 {
            let sizes = (0..<Int.random(in: 1...40, using: &generator)).map { _ in Int.random(in: 1...1000, using: &generator) }
            let limits = VolumeLimits(maxArticles: Int.random(in: 1...12, using: &generator),
                                      maxSize: Int.random(in: 500...5000, using: &generator))
            let parts = limits.parts(of: Self.articles(sizes))
            #expect(parts.flatMap { $0 }.map(\.size) == sizes)
            #expect(parts.allSatisfy { !$0.isEmpty && $0.count <= limits.maxArticles! })
            #expect(parts.allSatisfy { $0.count == 1 || $0.reduce(0) { $0 + $1.size } <= limits.maxSize! })
        }
    }

    @Test func underTheLimitsNothingIsSplit() {
        #expect(VolumeLimits().parts(of: Self.articles([1, 2, 3])).count == 1)
        #expect(VolumeLimits().parts(of: []).isEmpty)
    }

    @Test(arguments: [("50MB", 50_000_000), ("800 KB", 800_000), ("1.5GB", 1_500_000_000), ("20MiB", 20_971_520),
                      ("1048576B", 1_048_576), ("10 MB", 10_000_000), ("10MB", 10_000_000)])
    func parsesSizes(text: String, bytes: Int) throws {
        #expect(try VolumeLimits.size(text) == bytes)
    }

    @Test(arguments: ["", "MB", "5XB", "0", "-5MB"])
    func rejectsBadSizes(text: String) {
        #expect(throws: SheafError.self) { try VolumeLimits.size(text) }
    }

    @Test(arguments: ["10", "1048576", " 7 "])
    func aBareNumberAsksForAUnit(text: String) {
        #expect {
            _ = try VolumeLimits.size(text)
        } throws: { error in
            let reason = (error as? SheafError)?.reason ?? ""
            return reason.contains("no unit") && reason.contains("MB")
        }
    }
}
