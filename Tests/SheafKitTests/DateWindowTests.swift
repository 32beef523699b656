import Testing
@testable import SheafKit

@Suite struct DateWindowTests {
    let today = ArticleDate(year: 2021, month: 1, day: 20)!

    @Test func lastSevenDaysIncludesToday() throws {
        let window = try DateWindow.last("7d", today: today)
        #expect(window.since == ArticleDate(year: 2021, month: 1, day: 14))
        #expect(window.until == today)
        #expect(window.contains(ArticleDate(year: 2021, month: 1, day: 14)))
        #expect(!window.contains(ArticleDate(year: 2021, month: 1, day: 13)))
        #expect(!window.contains(ArticleDate(year: 2021, month: 1, day: 21)))
        #expect(!window.contains(nil))
        #expect(try DateWindow.last("2w", today: today).since == ArticleDate(year: 2021, month: 1, day: 7))
    }

    @Test func anOpenWindowHoldsEverythingEvenUndated() {
        #expect(DateWindow().contains(nil))
        #expect(DateWindow(since: today).contains(ArticleDate(year: 3000, month: 1, day: 1)))
        #expect(!DateWindow(since: today).contains(nil))
    }

    @Test(arguments: ["", "7", "d", "0d", "-3d", "7x", "1.5w"])
    func rejectsBadSpans(span: String) {
        #expect(throws: SheafError.self) { try DateWindow.last(span, today: today) }
    }

    @Test func parsesDates() throws {
        #expect(try DateWindow.date("2021-01-05") == ArticleDate(year: 2021, month: 1, day: 5))
        #expect(throws: SheafError.self) { try DateWindow.date("2021-02-30") }
        #expect(throws: SheafError.self) { try DateWindow.date("21-01-05") }
    }

    @Test func aWindowWhoseStartIsAfterItsEndIsRefused() throws {
        let early = ArticleDate(year: 2021, month: 1, day: 1), late = ArticleDate(year: 2021, month: 2, day: 1)
        #expect(try DateWindow.checked(since: early, until: late) == DateWindow(since: early, until: late))
        #expect(try DateWindow.checked(since: early, until: early) == DateWindow(since: early, until: early))
        #expect(try DateWindow.checked(since: nil, until: early) == DateWindow(until: early))
        #expect {
            _ = try DateWindow.checked(since: late, until: early)
        } throws: { error in
            (error as? SheafError)?.reason.contains("since 2021-02-01 is after until 2021-01-01") == true
        }
    }

    @Test func todayComesFromSourceDateEpochBeforeTheClock() {
        #expect(BuildEnvironment(sourceDateEpoch: 1_611_100_000, now: 0).today == ArticleDate(year: 2021, month: 1, day: 19))
        #expect(BuildEnvironment(now: 86_400 * 2 + 5).today == ArticleDate(year: 1970, month: 1, day: 3))
        #expect(BuildEnvironment().today == nil)
    }
}
