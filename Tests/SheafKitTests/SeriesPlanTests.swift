import Testing
@testable import SheafKit

@Suite struct SeriesPlanTests {
    static func book(_ file: String, series: String?) -> CatalogBook {
        var book = CatalogTests.book(file)
        book.series = series
        return book
    }

    /// Plans `volumes` (all of series `s`) against `held`: book → (series, article ids).
    static func plan(_ volumes: [Volume], _ held: [String: (series: String?, ids: [String])], missing: Set<String> = [],
                     repeatArticles: Bool = false, prune: Bool) -> SeriesPlan {
        let books = held.keys.sorted().map { book($0, series: held[$0]?.series) }
        return SeriesPlan.make(volumes, series: { _ in "s" }, books: books, articles: { wanted in
            wanted.sorted().flatMap { file in (held[file]?.ids ?? []).map { RepeatFilterTests.packaged($0, in: file) } }
        }, onDisk: { !missing.contains($0) }, repeatArticles: repeatArticles, prune: prune)
    }

    static func ids(_ plan: SeriesPlan) -> [[String]] { plan.volumes.map { $0.articles.map(\.id) } }

    @Test func aBookOfAnotherSeriesNeverLeavesAnArticleOutAndIsNeverPruned() {
        for prune in [false, true] {
            let plan = Self.plan([RepeatFilterTests.volume("new.epub", ["1", "2"])], ["digest.epub": ("t", ["1", "2"])], prune: prune)
            #expect(Self.ids(plan) == [["1", "2"]])
            #expect(plan.excluded.isEmpty && plan.prunable.isEmpty)
        }
    }

    @Test func aBookRecordedBeforeSeriesAndNotPlannedNeitherStarvesNorIsPruned() {
        for prune in [false, true] {
            let plan = Self.plan([RepeatFilterTests.volume("new.epub", ["1"])], ["old.epub": (nil, ["1"])], prune: prune)
            #expect(Self.ids(plan) == [["1"]])
            #expect(plan.prunable.isEmpty)
        }
    }

    @Test func withoutPruneTheSeriesBooksThatStayHoldTheirArticles() {
        let plan = Self.plan([RepeatFilterTests.volume("new.epub", ["1", "2"])], ["old.epub": ("s", ["1"])], prune: false)
        #expect(Self.ids(plan) == [["2"]])
        #expect(plan.excluded.map(\.message) == ["already in a book of this series: old.epub; --repeat packages it again"])
        #expect(plan.prunable.isEmpty)
    }

    @Test func withPruneABookWhoseArticlesAreAllMadeAgainGoesAndLeavesNothingOut() {
        let volumes = [RepeatFilterTests.volume("w1.epub", ["1"]), RepeatFilterTests.volume("w2.epub", ["2", "3"])]
        let plan = Self.plan(volumes, ["old.epub": ("s", ["1", "2"])], prune: true)
        #expect(plan.volumes == volumes && plan.excluded.isEmpty)
        #expect(plan.prunable == [SeriesPlan.Prunable(book: Self.book("old.epub", series: "s"), coveredBy: ["w1.epub", "w2.epub"])])
    }

    @Test func withPruneABookHoldingAnArticleNoVolumeMakesStaysAndWhatItHoldsIsLeftOut() {
        // a.epub holds 9, which no volume makes: it stays, so 1 is left out of w1; then b.epub is no longer
        // covered whole, so it stays too, and w2 loses 2. Nothing is lost, nothing packaged twice.
        let volumes = [RepeatFilterTests.volume("w1.epub", ["1"]), RepeatFilterTests.volume("w2.epub", ["2"])]
        let plan = Self.plan(volumes, ["a.epub": ("s", ["1", "9"]), "b.epub": ("s", ["1", "2"])], prune: true)
        #expect(plan.volumes.isEmpty && plan.prunable.isEmpty)
        #expect(plan.excluded.map(\.file) == ["pages/73/1.md", "pages/73/2.md"])
    }

    @Test func repeatWithPruneLeavesNothingOutAndPrunesWhatIsMadeAgain() {
        let plan = Self.plan([RepeatFilterTests.volume("new.epub", ["1"])], ["old.epub": ("s", ["1"])], repeatArticles: true, prune: true)
        #expect(Self.ids(plan) == [["1"]])
        #expect(plan.prunable.map(\.book.file) == ["old.epub"])
    }

    @Test func aBookWhoseFileIsGoneHoldsNothingAndPruneForgetsIt() {
        for prune in [false, true] {
            let plan = Self.plan([RepeatFilterTests.volume("new.epub", ["1"])], ["old.epub": ("s", ["1", "9"])],
                                 missing: ["old.epub"], prune: prune)
            #expect(Self.ids(plan) == [["1"]])
            #expect(plan.prunable.map(\.book.file) == (prune ? ["old.epub"] : []))
        }
    }
}
