/// The values each page template sees, as plain dictionaries: strings are cleaned of characters XML
/// forbids here; escaping is the template's `{{…}}`. Beside each context, the names its template may use
/// (`TemplateCheck` refuses a template naming another): a key added to a context is added to its list.
enum PageContext {
    /// Where the pages sit relative to the package document (where `ChapterNaming` puts the chapters).
    static let textFolder = ChapterNaming.textFolder
    static let stylesheetHref = "style/style.css"
    static let titlepageHref = "text/titlepage.xhtml"
    static let coverHref = "text/cover.xhtml"

    /// Every key `chapter(…)` may set.
    static let chapterNames = TemplateNames(["kobo", "language", "title", "firstPart", "body", "stylesheet", "site",
                                             "date", "sourceText", "sourceHref", "sourceName", "hasByline"])

    /// One part of a chapter: the first carries the heading and byline (`sourceName` linked to `sourceHref`, else
    /// `site` and `sourceText`, the whole source as text). `kobo` adds the page wrappers Kobo's reading engine
    /// lays its columns out with (`book-columns`, `book-inner`).
    static func chapter(_ article: ArticleHeader, body: String, firstPart: Bool, language: String,
                        kobo: Bool = false) -> [String: Any] {
        var context: [String: Any] = [
            "kobo": kobo,
            "language": language,
            "title": XMLText.legal(article.title),
            "firstPart": firstPart,
            "body": body,
            "stylesheet": "../" + stylesheetHref,
        ]
        context["site"] = article.site.map(XMLText.legal).flatMap { $0.isEmpty ? nil : $0 }
        context["date"] = article.date?.description
        if let source = article.source.map(XMLText.legal), !source.isEmpty {
            context["sourceText"] = source
            if let href = SourceLink.href(for: source) {
                // The byline links the source by a short name; the whole URL stays the link's target.
                context["sourceHref"] = href
                context["sourceName"] = SourceLink.name(for: href, site: context["site"] as? String)
            }
        }
        context["hasByline"] = ["site", "date", "sourceText"].contains { context[$0] != nil }
        return context
    }

    /// Every key `titlepage(…)` may set.
    static let titlepageNames = TemplateNames(commonNames + ["collection", "subtitle", "dateRange", "articleCount",
                                                             "stylesheet"], lists: ["sections": sectionNames])

    /// The title page: the book's names and dates, then the book's `contents` linking to the chapters.
    static func titlepage(_ volume: Volume, contents: [Book.ContentsEntry]) -> [String: Any] {
        let labels = PageLabels.forLanguage(volume.language)
        var context = common(volume)
        context["collection"] = XMLText.legal(volume.collection)
        context["subtitle"] = volume.subtitle.map(XMLText.legal).flatMap { $0.isEmpty ? nil : $0 }
        context["dateRange"] = dateRange(volume)
        context["articleCount"] = labels.articleCount(volume.articles.count)
        context["stylesheet"] = "../" + stylesheetHref
        // Chapter files are relative to the package document; the title page lives beside them.
        let prefix = textFolder + "/"
        context["sections"] = sections(contents) { String($0.dropFirst(prefix.count)) }
        return context
    }

    /// Every key `navigation(…)` may set.
    static let navigationNames = TemplateNames(commonNames + [
        "stylesheet", "landmarksLabel", "titlepageLabel", "bodymatterLabel", "titlepageHref", "contentsHref",
        "bodymatterHref", "coverLabel", "coverHref",
    ], lists: ["sections": sectionNames])

    /// The navigation document: the book's table of contents (`contents`, which the NCX lists too) and the
    /// landmarks.
    static func navigation(_ volume: Volume, contents: [Book.ContentsEntry]) -> [String: Any] {
        let labels = PageLabels.forLanguage(volume.language)
        var context = common(volume)
        context["stylesheet"] = stylesheetHref
        context["landmarksLabel"] = labels.landmarks
        context["titlepageLabel"] = labels.titlepage
        context["bodymatterLabel"] = labels.bodymatter
        context["titlepageHref"] = titlepageHref
        // The landmark points at the contents list readers see in the spine, not at this (non-spine) page.
        context["contentsHref"] = contents.isEmpty ? titlepageHref : titlepageHref + "#contents"
        // A heading's entry points at its first article: the first entry is where the articles begin.
        context["bodymatterHref"] = contents.first?.href
        context["coverLabel"] = labels.cover
        context["coverHref"] = coverHref
        context["sections"] = sections(contents) { $0 }
        return context
    }

    /// Every key `cover(…)` may set.
    static let coverNames = TemplateNames(commonNames + ["stylesheet", "image"])

    /// The cover page: the cover image alone, its alternative text the title.
    static func cover(_ volume: Volume, image: String) -> [String: Any] {
        var context = common(volume)
        context["stylesheet"] = "../" + stylesheetHref
        context["image"] = "../" + image
        return context
    }

    /// Every key `style(…)` sets.
    static let styleNames = TemplateNames(["language"])

    /// The style sheet's: the book's language.
    static func style(_ volume: Volume) -> [String: Any] {
        ["language": volume.language]
    }

    /// The generated cover's date line: the same range the title page prints.
    static func coverDates(_ volume: Volume) -> String? { dateRange(volume) }

    // MARK: - Parts

    /// The keys `common(…)` sets.
    private static let commonNames = ["language", "title", "contentsLabel", "hasArticles"]

    private static func common(_ volume: Volume) -> [String: Any] {
        [
            "language": volume.language,
            "title": XMLText.legal(volume.title),
            "contentsLabel": PageLabels.forLanguage(volume.language).contents,
            "hasArticles": !volume.articles.isEmpty,
        ]
    }

    /// The keys of each of `sections(…)`, and of each of its articles.
    private static let sectionNames = TemplateNames(["heading"], lists: ["articles": TemplateNames(["title", "href"])])

    /// The contents as the templates list them: a section per heading with its articles, and a section without
    /// heading for each run of articles outside any; `href` makes each link relative to the page.
    private static func sections(_ contents: [Book.ContentsEntry], href: (String) -> String) -> [[String: Any]] {
        var result: [[String: Any]] = []
        var loose: [[String: Any]] = []
        func link(_ entry: Book.ContentsEntry) -> [String: Any] { ["title": entry.title, "href": href(entry.href)] }
        for entry in contents {
            guard !entry.children.isEmpty else { loose.append(link(entry)); continue }
            if !loose.isEmpty { result.append(["articles": loose]) }
            loose = []
            result.append(["heading": entry.title, "articles": entry.children.map(link)])
        }
        if !loose.isEmpty { result.append(["articles": loose]) }
        return result
    }

    private static func dateRange(_ volume: Volume) -> String? {
        guard let oldest = volume.oldestDate, let newest = volume.newestDate else { return nil }
        return oldest == newest ? oldest.description : "\(oldest) – \(newest)"
    }
}
