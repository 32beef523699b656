import Testing
@testable import SheafKit

@Suite struct ExclusionTests {
    let window = DateWindow(since: ArticleDate(year: 2030, month: 1, day: 1))

    @Test func countsEachKindOfReasonMostFirst() {
        let reasons = [Exclusion.window(window, date: ArticleDate(year: 2021, month: 1, day: 2)),
                       Exclusion.channel("73"), Exclusion.channel("19"),
                       Exclusion.window(window, date: nil), Exclusion.channel("19"), "not listed in any index page"]
        let counts = Exclusion.counts(reasons)
        #expect(counts.map(\.kind) == ["not in the chosen channels", "outside the time window 2030-01-01 to …",
                                       "not listed in any index page"])
        #expect(counts.map(\.count) == [3, 2, 1])
    }

    @Test func adviceNamesTheNewestDateAndTheOptionsToTry() {
        let reasons = [Exclusion.window(window, date: ArticleDate(year: 2021, month: 1, day: 29)),
                       Exclusion.window(window, date: ArticleDate(year: 2021, month: 1, day: 3)),
                       "already in an earlier book: a.epub; --repeat packages it again"]
        let advice = Exclusion.advice(reasons)
        #expect(advice.contains { $0.contains("the newest article is dated 2021-01-29") && $0.contains("--since") })
        #expect(advice.contains { $0.contains("--repeat") })
        #expect(Exclusion.advice([Exclusion.channel("9")]).contains { $0.contains("--channel") })
    }
}
