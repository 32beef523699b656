import Foundation

/// What a saved web page says about the article it holds, read from the page itself.
///
/// Each field is taken from the most trusted place that gives it: JSON-LD (`NewsArticle`, `BlogPosting`…), then
/// OpenGraph and `article:` meta, then other meta (`author`, `date`, Dublin Core, Parse.ly), then the page's
/// `<title>` (cut at the site's suffix), `<time>` and `<html lang>`, then the page's URL.
struct PageMetadata: Sendable, Equatable {
    var title: String?
    var authors: [String] = []
    /// The published date as the page writes it (`2017-10-20T12:00:00Z`).
    var published: String?
    var site: String?
    var canonicalURL: String?
    var language: String?
    var leadImage: String?
    var excerpt: String?

    /// The published date as a calendar date: the date part of an ISO 8601 value, as written (its own zone).
    var date: ArticleDate? { published.flatMap(Self.calendarDate(of:)) }

    // MARK: - Reading

    /// The metadata of a page parsed whole (its `head` kept), `url` where it was saved from if known.
    static func read(_ page: [HTMLNode], url: String? = nil) -> PageMetadata {
        var facts = Facts()
        facts.gather(page)
        let linked = facts.linkedData.lazy.compactMap(LinkedArticle.init(json:)).first
        let meta = facts.meta
        func first(_ keys: [String]) -> String? {
            keys.lazy.compactMap { meta[$0] }.first { !$0.isEmpty }
        }

        var result = PageMetadata()
        let documentTitle = facts.documentTitle.map { cleanedTitle($0, headings: facts.headings, mainHeadings: facts.mainHeadings) }
        if let linked, let name = linked.name, let headline = linked.headline, name != headline {
            // A site may put its own name in `name` and the article's in `headline`: the one like the page's title wins.
            let title = documentTitle ?? ""
            result.title = similarity(headline, title) > 0.75 && similarity(name, title) <= 0.75 ? headline : name
        } else {
            result.title = linked?.name ?? linked?.headline
        }
        result.title = result.title ?? first(["dc:title", "dcterm:title", "og:title", "weibo:article:title",
                                              "weibo:webpage:title", "title", "twitter:title", "parsely-title"])
            ?? documentTitle
        let bylines = linked?.authors.isEmpty == false ? linked?.authors ?? []
            : first(["dc:creator", "dcterm:creator", "author", "parsely-author"]).map { [$0] }
            ?? meta["article:author"].flatMap { LinkResolver.scheme(of: $0) == nil ? [$0] : nil } ?? []
        result.authors = bylines.map(clean).filter { !$0.isEmpty }
        result.published = linked?.datePublished ?? first(["article:published_time", "parsely-pub-date", "dc:date",
                                                           "dcterm:date", "date", "pubdate", "publishdate"])
            ?? facts.firstTime
        result.site = linked?.publisher ?? first(["og:site_name"])
        result.excerpt = linked?.description ?? first(["dc:description", "dcterm:description", "og:description",
                                                       "weibo:article:description", "weibo:webpage:description",
                                                       "description", "twitter:description"])
        result.canonicalURL = facts.canonical ?? first(["og:url"]) ?? url
        result.language = facts.language
        result.leadImage = linked?.image ?? first(["og:image", "twitter:image"])
        result.title = result.title.map(clean).flatMap { $0.isEmpty ? nil : $0 }
        result.site = result.site.map(clean).flatMap { $0.isEmpty ? nil : $0 }
        result.excerpt = result.excerpt.map(clean)
        result.published = result.published.map(clean)
        return result
    }

    // MARK: - Titles

    /// Separators between a page's title and its site's name (`Title | Site`, `Title - Site`, `Site » Title`).
    private static let separators: Set<Character> = ["|", "-", "–", "—", "\\", "/", ">", "»"]
    /// Of those, the ones that mark a path of sections rather than a site's name.
    private static let hierarchical: Set<Character> = ["\\", "/", ">", "»"]

    /// The page's `<title>` without the site's name around it, judged by its shape and the page's `h1`/`h2`
    /// `headings` (`mainHeadings` its `h1`s); the whole title when cutting would leave too little of it.
    static func cleanedTitle(_ original: String, headings: [String], mainHeadings: [String]) -> String {
        let title = clean(original)
        var result = title
        var hadHierarchy = false
        var wasCut = false
        let spaced = separatorPositions(in: title)
        if let last = spaced.last {
            wasCut = true
            hadHierarchy = spaced.contains { hierarchical.contains(title[$0]) }
            result = String(title[..<title.index(before: last)])
            if wordCount(result) < 3, let firstSeparator = spaced.first {
                result = String(title[title.index(after: firstSeparator)...])
            }
        } else if title.contains(": ") {
            if !headings.contains(where: { clean($0) == title }) {
                let afterLast = String(title[title.index(after: title.lastIndex(of: ":")!)...])
                if wordCount(afterLast) < 3 {
                    result = String(title[title.index(after: title.firstIndex(of: ":")!)...])
                } else if wordCount(String(title[..<title.firstIndex(of: ":")!])) > 5 {
                    result = title
                } else {
                    result = afterLast
                }
            }
        } else if title.count > 150 || title.count < 15, mainHeadings.count == 1 {
            result = mainHeadings[0]
        }
        result = clean(result)
        // The page's own heading says the cut title is the article's: short as it is, it stands.
        if wasCut, result != title, headings.contains(where: { clean($0) == result }) { return result }
        let words = wordCount(result)
        let originalWords = wordCount(String(title.filter { !separators.contains($0) }))
        if words <= 4, !hadHierarchy || words != originalWords - 1 {
            return title
        }
        return result
    }

    /// Where a separator stands between spaces (` | `), in `title`'s indices.
    private static func separatorPositions(in title: String) -> [String.Index] {
        var positions: [String.Index] = []
        var index = title.startIndex
        while index < title.endIndex {
            let next = title.index(after: index)
            if separators.contains(title[index]), index > title.startIndex, next < title.endIndex,
               title[title.index(before: index)] == " ", title[next] == " " {
                positions.append(index)
            }
            index = next
        }
        return positions
    }

    private static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).count
    }

    /// How much of `b`'s words `a` shares, 0…1, weighed by their length (1 when `b` says nothing `a` does not).
    static func similarity(_ a: String, _ b: String) -> Double {
        let tokens = { (text: String) in
            text.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "_" }.map(String.init)
        }
        let tokensA = Set(tokens(a)), tokensB = tokens(b)
        guard !tokensA.isEmpty, !tokensB.isEmpty else { return 0 }
        let unique = tokensB.filter { !tokensA.contains($0) }
        let whole = tokensB.joined(separator: " ").count
        return 1 - Double(unique.joined(separator: " ").count) / Double(whole)
    }

    /// Entities decoded, whitespace collapsed and trimmed.
    static func clean(_ text: String) -> String {
        HTMLEntities.decode(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    // MARK: - Dates

    /// `2017-10-20`, `2017-10-20T12:00:00Z`, `2017/10/20 12:00`: the calendar date it starts with.
    static func calendarDate(of text: String) -> ArticleDate? {
        let digits = text.unicodeScalars.prefix(10).map { $0 }
        guard digits.count == 10, digits[4] == digits[7], digits[4] == "-" || digits[4] == "/",
              let year = Int(String(String.UnicodeScalarView(digits[0..<4]))),
              let month = Int(String(String.UnicodeScalarView(digits[5..<7]))),
              let day = Int(String(String.UnicodeScalarView(digits[8..<10]))) else { return nil }
        return ArticleDate(year: year, month: month, day: day)
    }
}

// MARK: - What the page holds

/// The facts about a page gathered in one walk of its tree.
private struct Facts {
    /// `meta` values by key: `property` or `name`, lower case, spaces removed, `.` read as `:`.
    var meta: [String: String] = [:]
    /// The `meta` keys a `property` attribute gave.
    var fromProperty: Set<String> = []
    var linkedData: [Any] = []
    var documentTitle: String?
    var headings: [String] = []
    var mainHeadings: [String] = []
    var canonical: String?
    var language: String?
    var firstTime: String?

    mutating func gather(_ nodes: [HTMLNode]) {
        for node in nodes {
            guard case .element(let element) = node else { continue }
            switch element.name {
            case "meta":
                guard let content = element.attributes["content"] else { break }
                for attribute in ["property", "name", "itemprop"] {
                    guard let names = element.attributes[attribute] else { continue }
                    // `property` may hold several names.
                    for name in names.split(whereSeparator: \.isWhitespace) {
                        let key = name.lowercased().replacingOccurrences(of: ".", with: ":")
                        // The first of each key wins, except that a `property` outranks a `name`.
                        if meta[key] == nil || (attribute == "property" && !fromProperty.contains(key)) {
                            meta[key] = content
                        }
                        if attribute == "property" { fromProperty.insert(key) }
                    }
                }
            case "title":
                if documentTitle == nil { documentTitle = element.textContent }
            case "link":
                if canonical == nil, element.attributes["rel"]?.lowercased()
                    .split(whereSeparator: \.isWhitespace).contains("canonical") == true,
                   let href = element.attributes["href"], LinkResolver.scheme(of: href) != nil {
                    canonical = href
                }
            case "script":
                if element.attributes["type"]?.lowercased().contains("ld+json") == true {
                    let text = element.textContent.trimmingCharacters(in: .whitespacesAndNewlines)
                    let json = text.hasPrefix("<![CDATA[") && text.hasSuffix("]]>")
                        ? String(text.dropFirst(9).dropLast(3)) : text
                    if let parsed = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]) {
                        linkedData.append(parsed)
                    }
                }
            case "time":
                if firstTime == nil, let stamp = element.attributes["datetime"], PageMetadata.calendarDate(of: stamp) != nil {
                    firstTime = stamp
                }
            case "h1", "h2":
                headings.append(element.textContent)
                if element.name == "h1" { mainHeadings.append(element.textContent) }
            case "html":
                language = language ?? element.attributes["lang"] ?? element.attributes["xml:lang"]
            default: break
            }
            gather(element.children)
        }
    }
}

/// The first schema.org article a JSON-LD block describes (itself, one of an array, or one of its `@graph`).
private struct LinkedArticle {
    var name: String?
    var headline: String?
    var authors: [String] = []
    var description: String?
    var publisher: String?
    var datePublished: String?
    var image: String?

    static let articleTypes: Set<String> = [
        "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle",
        "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "Report",
        "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting",
        "LiveBlogPosting", "DiscussionForumPosting", "TechArticle", "APIReference",
    ]

    init?(json: Any) {
        guard let article = Self.find(in: json, depth: 0) else { return nil }
        name = (article["name"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines)
        headline = (article["headline"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines)
        authors = Self.names(article["author"] ?? article["creator"])
        description = article["description"] as? String
        publisher = Self.names(article["publisher"]).first
        datePublished = (article["datePublished"] ?? article["dateCreated"]) as? String
        image = Self.url(article["image"])
    }

    /// An object whose `@type` is an article type, searched through arrays and `@graph`.
    private static func find(in json: Any, depth: Int) -> [String: Any]? {
        guard depth < 4 else { return nil }
        if let list = json as? [Any] {
            return list.lazy.compactMap { find(in: $0, depth: depth + 1) }.first
        }
        guard let object = json as? [String: Any] else { return nil }
        if isArticle(object["@type"]) { return object }
        if let graph = object["@graph"] { return find(in: graph, depth: depth + 1) }
        return nil
    }

    private static func isArticle(_ type: Any?) -> Bool {
        if let type = type as? String { return articleTypes.contains(type) }
        if let types = type as? [Any] { return types.contains { isArticle($0) } }
        return false
    }

    /// The names of a person, an organization or a list of them (a bare string is a name).
    private static func names(_ value: Any?) -> [String] {
        if let name = value as? String { return [name] }
        if let object = value as? [String: Any] { return (object["name"] as? String).map { [$0] } ?? [] }
        if let list = value as? [Any] { return list.flatMap { names($0) } }
        return []
    }

    private static func url(_ value: Any?) -> String? {
        if let url = value as? String { return url }
        if let object = value as? [String: Any] { return object["url"] as? String }
        if let list = value as? [Any] { return list.lazy.compactMap { url($0) }.first }
        return nil
    }
}
