import Testing
@testable import SheafKit

@Suite struct BookTimestampTests {
    private let dated = SampleVolume.sectioned  // newest article: 2021-01-19

    @Test func sourceDateEpochWins() {
        let stamp = BookTimestamp.modified(for: dated, environment: BuildEnvironment(sourceDateEpoch: 1_611_000_000))
        #expect(stamp.iso8601 == "2021-01-18T20:00:00Z")
    }

    @Test func newestArticleDateAtMidnightUTC() {
        #expect(BookTimestamp.modified(for: dated, environment: BuildEnvironment()).iso8601 == "2021-01-19T00:00:00Z")
    }

    @Test func undatedVolumeFallsBackTo2000() {
        let undated = SampleVolume.volume(sections: [VolumeSection(title: nil, articles: [SampleVolume.article("1", "x", date: nil)])])
        #expect(BookTimestamp.modified(for: undated, environment: BuildEnvironment()).iso8601 == "2000-01-01T00:00:00Z")
    }

    @Test func formatsAnySecond() {
        #expect(BookTimestamp(secondsSinceEpoch: 0).iso8601 == "1970-01-01T00:00:00Z")
        #expect(BookTimestamp(secondsSinceEpoch: 951_868_799).iso8601 == "2000-02-29T23:59:59Z")
        #expect(BookTimestamp(secondsSinceEpoch: -1).iso8601 == "1969-12-31T23:59:59Z")
    }

    @Test func dosFieldsAreUTCAndClamped() {
        let stamp = BookTimestamp(secondsSinceEpoch: 1_611_000_000)  // 2021-01-18 20:00:00
        #expect(stamp.dosDateTime.date == 41 << 9 | 1 << 5 | 18)
        #expect(stamp.dosDateTime.time == 20 << 11)
        #expect(BookTimestamp(secondsSinceEpoch: 59).dosDateTime.date == 1 << 5 | 1)  // before 1980
        #expect(BookTimestamp(secondsSinceEpoch: 315_532_859).dosDateTime.time == 0 << 11 | 0 << 5 | 29)  // 1980-01-01 00:00:59
    }
}
