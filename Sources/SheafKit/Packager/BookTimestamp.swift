/// A moment in UTC, whole seconds: the book's modification time, formatted without calendars or locales.
struct BookTimestamp: Sendable, Hashable, Codable {
    /// Seconds since 1970-01-01T00:00:00Z.
    var secondsSinceEpoch: Int

    init(secondsSinceEpoch: Int) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    /// `SOURCE_DATE_EPOCH` when set, else midnight UTC of the newest article date, else 2000-01-01T00:00:00Z.
    static func modified(for volume: Volume, environment: BuildEnvironment) -> BookTimestamp {
        if let epoch = environment.sourceDateEpoch { return BookTimestamp(secondsSinceEpoch: epoch) }
        if let newest = volume.newestDate { return BookTimestamp(secondsSinceEpoch: newest.epochSeconds) }
        return BookTimestamp(secondsSinceEpoch: 946_684_800)
    }

    /// The calendar day, UTC.
    var date: ArticleDate { ArticleDate(dayNumber: Self.floorDivide(secondsSinceEpoch, 86_400)) }

    private var secondOfDay: Int { secondsSinceEpoch - Self.floorDivide(secondsSinceEpoch, 86_400) * 86_400 }

    /// `YYYY-MM-DDThh:mm:ssZ`, as `dcterms:modified` requires.
    var iso8601: String {
        let s = secondOfDay
        return "\(date)T\(ArticleDate.pad(s / 3600, 2)):\(ArticleDate.pad(s / 60 % 60, 2)):\(ArticleDate.pad(s % 60, 2))Z"
    }

    /// MS-DOS date and time fields for zip entries, clamped to the range DOS can say (1980–2107).
    var dosDateTime: (date: UInt16, time: UInt16) {
        let day = date
        if day.year < 1980 { return (date: 1 << 5 | 1, time: 0) }
        if day.year > 2107 { return (date: 127 << 9 | 12 << 5 | 31, time: 23 << 11 | 59 << 5 | 29) }
        let s = secondOfDay
        let dosDate = (day.year - 1980) << 9 | day.month << 5 | day.day
        let dosTime = (s / 3600) << 11 | (s / 60 % 60) << 5 | (s % 60) / 2
        return (UInt16(dosDate), UInt16(dosTime))
    }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
