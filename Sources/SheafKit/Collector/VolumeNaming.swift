import Foundation

/// Keys, titles, file names and sections of volumes: everything predictable about how a volume is named.
struct VolumeNaming {
    /// Which volume an article belongs to. Dated keys sort chronologically; `undated` sorts last.
    enum Key: Hashable, Comparable {
        case period(String)     // `2021-W03`, `2021-01`, `2021-01-18`: zero-padded, so text order is time order
        case channel(String)
        /// A reading list of the input (a mirror's index page): its name and the title its format gives it.
        case index(name: String, title: String?)
        case all
        case undated

        static func < (lhs: Key, rhs: Key) -> Bool {
            switch (lhs, rhs) {
            case let (.period(a), .period(b)): return a.utf8.lexicographicallyPrecedes(b.utf8)
            case let (.channel(a), .channel(b)): return ArticleOrder.idPrecedes(a, b)
            case let (.index(a, _), .index(b, _)): return ArticleOrder.idPrecedes(a, b)
            default: return lhs.rank < rhs.rank
            }
        }

        private var rank: Int {
            switch self {
            case .period: 0
            case .channel: 1
            case .index: 2
            case .all: 3
            case .undated: 4
            }
        }
    }

    /// Every placeholder a `title` or `file-name` pattern may use, here alone so that checks of patterns and the
    /// filling agree: `{since}`/`{until}` are the time window's bounds (an open side: the first or last article's
    /// date), `{first}`/`{last}` the oldest and newest dates of the book's own articles.
    static let placeholders = ["collection", "key", "subtitle", "since", "until", "first", "last"]

    /// A volume spanning at most this many days has a section per day in its contents; a longer one, per month.
    static let longestDailyContents = 31

    let options: CollectorOptions
    let language: String

    private var isChinese: Bool { language.lowercased().hasPrefix("zh") }
    private var displayName: String { options.title ?? options.collection }
    private var slug: String { FileNameSlug.slug(options.collection, fallback: "sheaf") }

    func key(for article: ArticleHeader) -> Key {
        switch options.grouping {
        case .channel: return .channel(article.channel)
        case .all, .index: return .all
        case .week, .month, .day:
            guard let date = article.date else { return .undated }
            return .period(periodName(date))
        }
    }

    /// The window a volume's names show: the time window, an open side closed by `articles`' first or last date.
    func window(of articles: [ArticleHeader]) -> DateWindow {
        let dates = articles.compactMap(\.date)
        return DateWindow(since: options.window.since ?? dates.min(), until: options.window.until ?? dates.max())
    }

    /// The volume of `key` holding `articles`, or part `part.index` of `part.count` when a limit split it;
    /// `window` is the whole volume's (see `window(of:)`), the same for every part.
    func volume(for key: Key, articles: [ArticleHeader], window: DateWindow? = nil,
                part: (index: Int, count: Int)? = nil) -> Volume {
        let window = window ?? self.window(of: articles)
        var keyText = keyText(key, window)
        var title = title(for: key, window, articles)
        var fileName = fileName(for: key, window, articles)
        if let part {
            keyText += "-part\(part.index)"
            title += " (Part \(part.index) of \(part.count))"
            fileName = String(fileName.dropLast(".epub".count)) + "-part\(part.index).epub"
        }
        return Volume(key: keyText, title: title, subtitle: subtitle(for: key, articles), collection: options.collection,
                      fileName: fileName, language: language, sections: sections(for: key, articles))
    }

    // MARK: - Names

    /// A digest of the whole collection cut by a time window is named after its window, so that each window
    /// makes a book of its own.
    private func isWindowed(_ key: Key) -> Bool {
        key == .all && options.grouping == .all && (options.window.since != nil || options.window.until != nil)
    }

    /// `2021-W03`, `channel-73`, `index-73`, `all`, `2021-01-01--2021-01-31` (a windowed digest), `undated`.
    private func keyText(_ key: Key, _ window: DateWindow) -> String {
        switch key {
        case .period(let name): return name
        case .channel(let name): return "channel-\(name)"
        case .index(let name, _): return "index-\(name)"
        case .all:
            guard isWindowed(key), let since = window.since, let until = window.until else { return "all" }
            return "\(since)--\(until)"
        case .undated: return "undated"
        }
    }

    /// The value of each of `placeholders` for a volume.
    private func values(_ key: Key, _ window: DateWindow, _ articles: [ArticleHeader]) -> [String: String] {
        let dates = articles.compactMap(\.date)
        return ["collection": options.collection, "key": keyText(key, window),
                "subtitle": subtitle(for: key, articles) ?? "",
                "since": window.since?.description ?? "", "until": window.until?.description ?? "",
                "first": dates.min()?.description ?? "", "last": dates.max()?.description ?? ""]
    }

    private func fileName(for key: Key, _ window: DateWindow, _ articles: [ArticleHeader]) -> String {
        if let pattern = options.fileNamePattern {
            var slugged = values(key, window, articles).mapValues { FileNameSlug.slug($0, fallback: "") }
            slugged["collection"] = slug
            slugged["key"] = FileNameSlug.slug(keyText(key, window), fallback: nil)
            var name = Self.fill(pattern, slugged)
            if name.lowercased().hasSuffix(".epub") { name = String(name.dropLast(5)) }
            return FileNameSlug.slug(name, fallback: "book") + ".epub"
        }
        switch key {
        case .period(let name): return "\(slug)-\(name).epub"
        case .channel(let name): return "\(slug)-channel-\(FileNameSlug.slug(name, fallback: nil)).epub"
        case .index(let name, _): return "\(slug)-index-\(FileNameSlug.slug(name, fallback: nil)).epub"
        case .all: return isWindowed(key) ? "\(slug)-\(keyText(key, window)).epub" : "\(slug).epub"
        case .undated: return "\(slug)-undated.epub"
        }
    }

    /// `mh-news 2021-W03`, `mh-news · 2021-01-01 – 2021-01-31`; a `--title` with `{…}` is a pattern over
    /// `placeholders`, one without replaces the collection's name.
    private func title(for key: Key, _ window: DateWindow, _ articles: [ArticleHeader]) -> String {
        if let pattern = options.title, pattern.contains("{") {
            return Self.fill(pattern, values(key, window, articles))
        }
        // One article given as one file (the collection is named after it): the book is that article.
        if options.title == nil, articles.count == 1, let only = articles.first,
           only.files.first.map(InputPath.stem(of:)) == options.collection {
            return only.title
        }
        switch key {
        case .period(let name): return "\(displayName) \(name)"
        case .channel(let name): return "\(displayName) channel \(name)"
        case let .index(name, indexTitle): return "\(displayName) \(indexTitle ?? "index \(name)")"
        case .all:
            guard isWindowed(key), let since = window.since, let until = window.until else { return displayName }
            return "\(displayName) · \(since) – \(until)"
        case .undated: return "\(displayName) undated"
        }
    }

    /// `pattern` with each `{name}` replaced by its value; unknown placeholders stay as written.
    static func fill(_ pattern: String, _ values: [String: String]) -> String {
        placeholders.reduce(pattern) { text, name in
            text.replacingOccurrences(of: "{\(name)}", with: values[name] ?? "")
        }
        .trimmingCharacters(in: .whitespaces)
    }

    // MARK: - Periods and sections

    private func periodName(_ date: ArticleDate) -> String {
        switch options.grouping {
        case .week where options.weekStart != 1:
            // Weeks that start on another day than Monday are named after their first day.
            return "week-\(weekStart(of: date))"
        case .week:
            let (year, week) = date.isoWeek
            return "\(ArticleDate.pad(year, 4))-W\(ArticleDate.pad(week, 2))"
        case .month: return "\(ArticleDate.pad(date.year, 4))-\(ArticleDate.pad(date.month, 2))"
        default: return date.description
        }
    }

    /// The first day of the (non-ISO) week that holds `date`.
    private func weekStart(of date: ArticleDate) -> ArticleDate {
        ArticleDate(dayNumber: date.dayNumber - (date.isoWeekday - options.weekStart + 7) % 7)
    }

    /// A section per day when the volume spans at most `longestDailyContents` days, else per month; none for
    /// a day's volume, an index page's (its own order) or the undated.
    private func sections(for key: Key, _ articles: [ArticleHeader]) -> [VolumeSection] {
        switch (key, options.grouping) {
        case (.undated, _), (.index, _), (_, .day): return [VolumeSection(title: nil, articles: articles)]
        default: break
        }
        let days = articles.compactMap(\.date).map(\.dayNumber)
        let byDay = (days.max() ?? 0) - (days.min() ?? 0) < Self.longestDailyContents
        var runs: [(title: String?, articles: [ArticleHeader])] = []
        for article in articles {
            let title = article.date.map(byDay ? dayTitle : monthTitle) ?? undatedTitle
            if let last = runs.indices.last, runs[last].title == title {
                runs[last].articles.append(article)
            } else {
                runs.append((title, [article]))
            }
        }
        return runs.map { VolumeSection(title: $0.title, articles: $0.articles) }
    }

    private var undatedTitle: String { isChinese ? "日期不详" : "Undated" }

    private func dayTitle(_ date: ArticleDate) -> String {
        let weekday = date.isoWeekday - 1
        if isChinese {
            return "\(date.month)月\(date.day)日 星期" + ["一", "二", "三", "四", "五", "六", "日"][weekday]
        }
        let name = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][weekday]
        return "\(name), \(date.day) \(monthNames[date.month - 1])"
    }

    private func monthTitle(_ date: ArticleDate) -> String {
        isChinese ? "\(date.year)年\(date.month)月" : "\(monthNames[date.month - 1]) \(date.year)"
    }

    private var monthNames: [String] {
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
         "November", "December"]
    }

    /// What the volume covers, in words: `2021年第3周` / `Week 3, 2021`, `2021年1月`, `频道 73` / `Channel 73`.
    /// (The title page shows the date range separately.)
    private func subtitle(for key: Key, _ articles: [ArticleHeader]) -> String? {
        switch key {
        case .period:
            guard let date = articles.first?.date else { return nil }
            switch options.grouping {
            case .week where options.weekStart != 1:
                let start = weekStart(of: date)
                return isChinese ? "\(start.year)年\(start.month)月\(start.day)日起的一周" : "Week of \(start)"
            case .week:
                let (year, week) = date.isoWeek
                return isChinese ? "\(year)年第\(week)周" : "Week \(week), \(year)"
            case .month: return monthTitle(date)
            default: return isChinese ? "\(date.year)年\(dayTitle(date))" : "\(dayTitle(date)) \(date.year)"
            }
        case .channel(let name): return isChinese ? "频道 \(name)" : "Channel \(name)"
        case .index(let name, _): return isChinese ? "索引 \(name)" : "Index \(name)"
        case .all: return nil
        case .undated: return isChinese ? "日期不详的文章" : "Undated articles"
        }
    }
}
