import Testing
@testable import SheafKit

@Suite struct ArticleDateTests {
    @Test func rejectsImpossibleDates() {
        #expect(ArticleDate(year: 2021, month: 2, day: 29) == nil)
        #expect(ArticleDate(year: 2020, month: 2, day: 29) != nil)
        #expect(ArticleDate(year: 2021, month: 13, day: 1) == nil)
        #expect(ArticleDate(year: 2021, month: 4, day: 31) == nil)
    }

    @Test func dayNumbersRoundTrip() throws {
        let epoch = try #require(ArticleDate(year: 1970, month: 1, day: 1))
        #expect(epoch.dayNumber == 0)
        let d = try #require(ArticleDate(year: 2021, month: 1, day: 18))
        #expect(d.dayNumber == 18645)
        #expect(ArticleDate(dayNumber: 18645) == d)
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(ArticleDate(dayNumber: n).dayNumber == n)
        }
    }

    @Test(arguments: [
        (2021, 1, 18, 1, 2021, 3),
        (2021, 1, 3, 7, 2020, 53),   // a Sunday that belongs to 2020's last week
        (2020, 12, 31, 4, 2020, 53),
        (2019, 12, 30, 1, 2020, 1),  // a Monday in week 1 of the next year
        (2018, 1, 1, 1, 2018, 1),
        (2016, 1, 3, 7, 2015, 53),
    ])
    func isoWeeks(y: Int, m: Int, d: Int, weekday: Int, weekYear: Int, week: Int) throws {
        let date = try #require(ArticleDate(year: y, month: m, day: d))
        #expect(date.isoWeekday == weekday)
        #expect(date.isoWeek.year == weekYear)
        #expect(date.isoWeek.week == week)
    }

    @Test func describesAsISO() throws {
        #expect(try #require(ArticleDate(year: 2000, month: 8, day: 5)).description == "2000-08-05")
    }
}
