import Testing
@testable import SheafKit

@Suite struct BuildEnvironmentTests {
    @Test(arguments: [("0", 0), ("1611100000", 1_611_100_000), (" 42 ", 42), ("253402300799", 253_402_300_799)])
    func acceptsEpochsFrom1970To9999(text: String, seconds: Int) throws {
        #expect(try BuildEnvironment(environment: ["SOURCE_DATE_EPOCH": text]).sourceDateEpoch == seconds)
    }

    @Test(arguments: ["253402300800", "-99999999999999", "-1", "abc", "1e9", "0x10", "1.5", "99999999999999999999999"])
    func rejectsAnythingElseNamingTheValue(text: String) {
        #expect {
            _ = try BuildEnvironment(environment: ["SOURCE_DATE_EPOCH": text])
        } throws: { error in
            let reason = (error as? SheafError)?.reason ?? ""
            return reason.contains("SOURCE_DATE_EPOCH") && reason.contains("'\(text)'") && reason.contains("9999-12-31")
        }
    }

    @Test func anUnsetOrEmptyEpochIsNone() throws {
        #expect(try BuildEnvironment(environment: [:]).sourceDateEpoch == nil)
        #expect(try BuildEnvironment(environment: ["SOURCE_DATE_EPOCH": ""]).sourceDateEpoch == nil)
    }

    @Test func aGivenTodayWinsOverTheEpochAndTheClock() throws {
        let day = ArticleDate(year: 2021, month: 3, day: 1)
        let environment = try BuildEnvironment(environment: ["SOURCE_DATE_EPOCH": "1611100000"], now: 0, today: day)
        #expect(environment.today == day)
        #expect(environment.sourceDateEpoch == 1_611_100_000)
    }
}
