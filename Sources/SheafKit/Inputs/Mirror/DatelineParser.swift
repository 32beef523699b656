/// Finds an article's date and site in its dateline (`【明慧网二零二零年六月二十日】`, `【看中国2020年11月3日讯】`)
/// and its date in a source URL path (`/2020/11/03/`, `/gb/20/3/8/`).
enum DatelineParser {
    /// A dateline as written: the site's name and the date's parts; the year may be missing.
    struct Dateline: Sendable, Equatable {
        var site: String?
        var year: Int?
        var month: Int
        var day: Int
    }

    /// How many characters of visible text are searched: a dateline opens the article.
    static let searchLimit = 1_200
    /// The longest text between `【` and `】` that can be a dateline.
    static let maxDatelineLength = 40

    // MARK: - Datelines

    /// The first dateline in `text` (visible text, whitespace removed): its date when it is complete and
    /// valid, and its site; nil when there is no dateline.
    static func dateline(inText text: String) -> (date: ArticleDate?, site: String?)? {
        guard let found = firstDateline(inText: text) else { return nil }
        return (found.year.flatMap { ArticleDate(year: $0, month: found.month, day: found.day) }, found.site)
    }

    /// The first bracketed dateline among the first `searchLimit` characters of `text`.
    static func firstDateline(inText text: String) -> Dateline? {
        let scalars = Array(text.unicodeScalars.prefix(searchLimit))
        var i = 0
        while let open = scalars[i...].firstIndex(of: "【") {
            let window = scalars[(open + 1)..<min(scalars.count, open + 2 + maxDatelineLength)]
            guard let close = window.firstIndex(of: "】") else { i = open + 1; continue }
            if let dateline = parse(scalars[(open + 1)..<close]) { return dateline }
            i = close + 1
        }
        return nil
    }

    /// Reads `SITE [YEAR年] MONTH月 DAY日 [讯|电]`, e.g. `明慧网二零二零年六月二十日`, `大纪元2020年03月08日讯`.
    static func parse(_ content: ArraySlice<Unicode.Scalar>) -> Dateline? {
        var end = content.endIndex
        if end > content.startIndex, ["讯", "電", "电", "訊"].contains(content[end - 1]) { end -= 1 }
        guard end > content.startIndex, content[end - 1] == "日" || content[end - 1] == "号" else { return nil }
        guard let (day, dayStart) = numeral(endingBefore: end - 1, in: content),
              dayStart > content.startIndex, content[dayStart - 1] == "月",
              let (month, monthStart) = numeral(endingBefore: dayStart - 1, in: content) else { return nil }
        var siteEnd = monthStart
        var year: Int?
        if monthStart > content.startIndex, content[monthStart - 1] == "年",
           let (value, yearStart) = numeral(endingBefore: monthStart - 1, in: content) {
            guard let full = fullYear(value, digits: monthStart - 1 - yearStart) else { return nil }
            year = full
            siteEnd = yearStart
        }
        let site = String(String.UnicodeScalarView(content[content.startIndex..<siteEnd]))
        return Dateline(site: site.isEmpty ? nil : site, year: year, month: month, day: day)
    }

    /// The numeral that ends just before `end`, and where it starts.
    static func numeral(endingBefore end: Int, in content: ArraySlice<Unicode.Scalar>) -> (Int, Int)? {
        var start = end
        while start > content.startIndex, ChineseNumeral.isNumeral(content[start - 1]) { start -= 1 }
        guard let value = ChineseNumeral.value(of: content[start..<end]) else { return nil }
        return (value, start)
    }

    /// A year as a four-digit number: two-digit years (`/gb/20/…`, `二〇年`) are 1970–2069.
    static func fullYear(_ value: Int, digits: Int) -> Int? {
        switch digits {
        case 4: return value
        case 2: return value < 70 ? 2000 + value : 1900 + value
        default: return nil
        }
    }

    /// The date a dateline means: its own year, else the year (of those around `urlDate`'s) that puts it
    /// nearest to the URL's date — a dateline of 31 December can belong to a URL dated 1 January.
    static func date(of dateline: Dateline, near urlDate: ArticleDate?) -> ArticleDate? {
        if let year = dateline.year {
            return ArticleDate(year: year, month: dateline.month, day: dateline.day)
        }
        guard let urlDate else { return nil }
        let candidates = (urlDate.year - 1...urlDate.year + 1).compactMap {
            ArticleDate(year: $0, month: dateline.month, day: dateline.day)
        }
        return candidates.min { abs($0.dayNumber - urlDate.dayNumber) < abs($1.dayNumber - urlDate.dayNumber) }
    }

    // MARK: - URLs

    /// The first date written as three numeric path segments (`/2020/11/03/`, `/mh/articles/2020/6/20/`),
    /// else as a two-digit year (`/gb/20/3/8/`); nil when the path has none or it is not a real date.
    static func date(inURL url: String) -> ArticleDate? {
        let segments = pathSegments(of: url).map { $0.allSatisfy(\.isASCIIDigit) && !$0.isEmpty ? $0 : nil }
        guard segments.count >= 3 else { return nil }
        for yearDigits in [4, 2] {
            for i in 0...(segments.count - 3) {
                guard let y = segments[i], y.count == yearDigits,
                      let m = segments[i + 1], m.count <= 2, let d = segments[i + 2], d.count <= 2,
                      let yv = Int(y), let year = fullYear(yv, digits: yearDigits),
                      let date = ArticleDate(year: year, month: Int(m) ?? 0, day: Int(d) ?? 0)
                else { continue }
                return date
            }
        }
        return nil
    }


    /// The path segments of `url`, without scheme, host, query or fragment.
    static func pathSegments(of url: String) -> [Substring] {
        var path = url[...]
        if let schemeEnd = url.byteOffset(of: "://") {
            let rest = url[url.utf8.index(url.startIndex, offsetBy: schemeEnd + 3)...]
            path = rest[(rest.firstIndex(of: "/") ?? rest.endIndex)...]
        }
        path = path.prefix { $0 != "?" && $0 != "#" }
        return path.split(separator: "/", omittingEmptySubsequences: false)
    }
}

extension Character {
    /// `0`…`9` only (not other scripts' digits).
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
