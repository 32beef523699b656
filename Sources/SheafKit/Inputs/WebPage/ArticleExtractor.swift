/// Finds the article inside a web page: the element whose paragraphs hold the most text with the fewest links,
/// with the siblings that continue it, and without the furniture around and inside it (menus, share buttons,
/// related-article lists, comments, notices, ads, hidden elements).
///
/// The approach is Readability's and trafilatura's: paragraphs of text score their parent and grandparent by
/// their length and commas, class and id names hint at content or furniture, a candidate's score is discounted by
/// the share of its text that is link text, and the best candidate's siblings join it when they score near it or
/// read as prose. It works on the `HTMLNode` tree libxml2's parse gives.
struct ArticleExtractor: Sendable {
    /// Paragraphs with less text than this (characters) score nothing.
    var minimumParagraph = 25
    /// A page whose extracted text is shorter than this is reported as unsure.
    var minimumArticle = 250

    /// What extraction kept.
    struct Extracted: Sendable, Equatable {
        var nodes: [HTMLNode]
        /// Characters of visible text kept.
        var characters: Int
        /// Why the result is doubtful (little text, candidates of similar weight), or nil.
        var doubt: String?
        /// The text of the page's byline element (`By Ann Lee`), when it has one.
        var byline: String?
    }

    /// The article in a page's `body`; `title` is the article's title, whose heading the chapter repeats.
    func extract(_ body: [HTMLNode], title: String? = nil) -> Extracted {
        let root = Box(element: HTMLElement(name: "body", children: body), parent: nil)
        let byline = root.descendants.first(where: Self.namesAuthor).map { found in
            // Inside a byline box, the element that is the name itself (`itemprop="name"`, `rel="author"`).
            let name = found.descendants.first { box in
                box.attributes["itemprop"]?.contains("name") == true || box.attributes["rel"] == "author"
            } ?? found
            return name.innerText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        Self.removeFurniture(root, strict: true)
        Self.removeTitleHeading(root, title: title)
        var result = extractOnce(root)
        if result.characters < minimumArticle {
            // Too strict for this page: class names judged content furniture. Again without them.
            let again = Box(element: HTMLElement(name: "body", children: body), parent: nil)
            Self.removeFurniture(again, strict: false)
            Self.removeTitleHeading(again, title: title)
            let second = extractOnce(again)
            if second.characters > result.characters { result = second }
        }
        if result.characters < minimumArticle, result.doubt == nil {
            result.doubt = "little text (\(result.characters) characters)"
        }
        result.byline = byline
        return result
    }

    private func extractOnce(_ root: Box) -> Extracted {
        var candidates: [ObjectIdentifier: (box: Box, score: Double)] = [:]
        var order: [Box] = []
        func add(_ box: Box, _ points: Double) {
            let key = ObjectIdentifier(box)
            if candidates[key] == nil {
                candidates[key] = (box, Self.initialScore(box))
                order.append(box)
            }
            candidates[key]!.score += points
        }
        for paragraph in root.descendants where Self.scoredNames.contains(paragraph.name) || paragraph.isParagraphLikeDiv {
            let length = paragraph.length
            guard length >= minimumParagraph else { continue }
            let commas = paragraph.commaCount
            let points = 1 + Double(commas) + Double(min(length / 100, 3))
            var ancestor = paragraph.parent
            var level = 0
            while let current = ancestor, level < 5 {
                guard current.parent != nil || current.name == "body" else { break }
                let divider = level == 0 ? 1 : level == 1 ? 2 : Double(level * 3)
                add(current, points / divider)
                ancestor = current.parent
                level += 1
            }
        }
        let ranked = order.map { box -> (Box, Double) in
            (box, candidates[ObjectIdentifier(box)]!.score * (1 - box.linkDensity))
        }.sorted { $0.1 > $1.1 }
        guard let (top, topScore) = ranked.first else {
            let nodes = root.children.map(\.node)
            return Extracted(nodes: nodes, characters: root.innerText.count, doubt: "no paragraphs of text")
        }
        var doubt: String?
        if ranked.count > 1, ranked[1].1 > topScore * 0.9, !ranked[1].0.isAncestor(of: top), !top.isAncestor(of: ranked[1].0) {
            doubt = "two parts of the page score alike"
        }
        // A parent that holds the top candidate and little else of its own is the article.
        var article = top
        while let parent = article.parent, parent.parent != nil, parent.children.count == 1 { article = parent }
        // An article cut into chunks of one shape (`div.grid` after `div.grid`, ads between): the chunk holding
        // the best candidate is one of them, and its like-named neighbours are the rest of the article.
        if let parent = article.parent, let grand = parent.parent, grand.parent != nil, !parent.className.isEmpty {
            let continues = grand.children.contains { other in
                other !== parent && other.name == parent.name && other.className == parent.className
                    && ([other] + other.descendants).contains { box in
                        (candidates[ObjectIdentifier(box)]?.score ?? 0) >= topScore * 0.3
                    }
            }
            if continues { article = parent }
        }

        var kept: [Box] = []
        let threshold = max(10, topScore * 0.2)
        let siblings = article.parent?.children ?? [article]
        for sibling in siblings {
            if sibling === article { kept.append(sibling); continue }
            guard sibling.isElement else { continue }
            let score = candidates[ObjectIdentifier(sibling)].map { $0.score * (1 - sibling.linkDensity) } ?? 0
            let bonus = sibling.className.isEmpty || sibling.className != article.className ? 0 : topScore * 0.2
            if score + bonus >= threshold {
                kept.append(sibling)
            } else if sibling.name == "p" {
                let text = sibling.innerText, density = sibling.linkDensity
                if text.count > 80, density < 0.25 { kept.append(sibling) }
                else if text.count < 80, !text.isEmpty, density == 0, Self.endsSentence(text) { kept.append(sibling) }
            }
        }
        for box in kept { Self.cleanConditionally(box, scores: candidates) }
        let nodes = kept.map(\.node)
        let characters = kept.reduce(0) { $0 + $1.innerText.filter { !$0.isWhitespace }.count }
        return Extracted(nodes: nodes, characters: characters, doubt: doubt)
    }

    // MARK: - Hints

    static let scoredNames: Set<String> = ["p", "pre", "td", "section", "h2", "h3", "h4", "h5", "h6"]
    static let commaScalars: Set<Unicode.Scalar> = [",", "，", "、", "،"]

    /// Class and id words of furniture; `maybe` words that could be content keep an element all the same.
    static let unlikely = NameHints(
        "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
        "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
        "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
        "yom-remote", "newsletter", "subscribe", "cookie", "share", "sharing", "follow", "promo", "recommend",
        "trending", "most-popular", "navigation", "nav-", "-nav", "toolbar", "masthead")
    static let maybe = NameHints("and", "article", "body", "column", "content", "main", "mathjax", "shadow", "story",
                                 "post", "tweet", "embed", "instagram")
    static let positive = NameHints("article", "body", "content", "entry", "hentry", "h-entry", "main", "page",
                                    "pagination", "post", "text", "blog", "story")
    static let negative = NameHints(
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media",
        "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor",
        "shopping", "tags", "widget", "byline", "author", "dateline", "caption-credit", words: ["hid"])
    static let furnitureNames: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "button", "input", "select", "textarea",
        "nav", "aside", "footer", "object", "embed", "canvas", "dialog", "menu",
    ]
    static let furnitureRoles: Set<String> = [
        "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", "banner", "contentinfo",
        "search",
    ]

    /// Points a candidate starts with, by its name and by its class and id.
    static func initialScore(_ box: Box) -> Double {
        var score: Double
        switch box.name {
        case "div", "article", "main": score = 5
        case "pre", "td", "blockquote", "section": score = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = -5
        default: score = 0
        }
        return score + classWeight(box)
    }

    static func classWeight(_ box: Box) -> Double {
        var weight = 0.0
        for name in [box.className, box.attributes["id"] ?? ""] where !name.isEmpty {
            if negative.matches(name) { weight -= 25 }
            if positive.matches(name) { weight += 25 }
        }
        if box.name == "article" || box.attributes["itemprop"] == "articleBody" { weight += 25 }
        return weight
    }

    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.trimmingCharacters(in: .whitespacesAndNewlines).last else { return false }
        return [".", "!", "?", "。", "！", "？", "\"", "”", "」"].contains(last)
    }

    // MARK: - Removing

    /// Drops what is never the article: scripts, forms, menus and asides, hidden elements and, when `strict`,
    /// elements whose class or id names furniture and nothing that could be content.
    static func removeFurniture(_ box: Box, strict: Bool) {
        box.removeChildren { child in
            guard child.isElement else { return false }
            if furnitureNames.contains(child.name) || child.isHidden { return true }
            if let role = child.attributes["role"]?.lowercased(), furnitureRoles.contains(role) { return true }
            if child.name != "body", child.name != "article", child.name != "main", isByline(child) { return true }
            if strict, child.name != "body", child.name != "a", child.name != "article", child.name != "main" {
                let names = child.className + " " + (child.attributes["id"] ?? "")
                if unlikely.matches(names), !maybe.matches(names) { return true }
            }
            return false
        }
        for child in box.children where child.isElement { removeFurniture(child, strict: strict) }
    }

    /// The page's own heading of the article's title: the chapter opens with the title already.
    static func removeTitleHeading(_ root: Box, title: String?) {
        guard let title, !title.isEmpty else { return }
        let heading = root.descendants.first { box in
            guard box.name == "h1" || box.name == "h2" else { return false }
            let text = box.innerText
            return PageMetadata.similarity(text, title) > 0.75 && PageMetadata.similarity(title, text) > 0.75
        }
        if let heading, let parent = heading.parent { parent.removeChildren { $0 === heading } }
    }

    /// A byline, dateline or author box: short, and named so by its class, id, `rel` or `itemprop`.
    static func isByline(_ box: Box) -> Bool {
        let names = [box.className, box.attributes["id"] ?? "", box.attributes["rel"] ?? "",
                     box.attributes["itemprop"] ?? ""].joined(separator: " ")
        guard bylineNames.matches(names) else { return false }
        return box.hasShortText && box.count(named: "p") <= 1
    }

    /// A short element that names the article's author: `rel="author"`, `itemprop="author"`, or a byline class or id.
    static func namesAuthor(_ box: Box) -> Bool {
        // The names first: they are cheap, and most elements have none of them.
        guard box.attributes["rel"] == "author" || box.attributes["itemprop"]?.includes("author") == true
                || authorNames.matches(box.className + " " + (box.attributes["id"] ?? "")) else { return false }
        return box.hasShortText
    }

    static let authorNames = NameHints("byline", "author", "dateline", "writtenby", "p-author")

    static let bylineNames = NameHints("byline", "author", "dateline", "writtenby", "p-author", "timestamp",
                                       "publish-date", "post-date", "article-date")

    /// Inside the kept part, drops lists, tables and divisions that read as furniture: mostly links, more
    /// images or inputs than paragraphs, or a negative class with little text.
    static func cleanConditionally(_ box: Box, scores: [ObjectIdentifier: (box: Box, score: Double)]) {
        box.removeChildren { child in
            guard ["div", "ul", "ol", "table", "section", "header", "figure", "form"].contains(child.name) else { return false }
            let weight = classWeight(child)
            let length = child.length
            let density = child.linkDensity
            if child.name == "figure" { return density > 0.5 && length > 0 && child.images == 0 }
            if weight < 0 && length < 200 { return true }
            let commaCount = child.commaCount
            guard commaCount < 10 else { return false }
            let counts = child.elementCounts
            let paragraphs = counts["p", default: 0], images = counts["img", default: 0] + counts["picture", default: 0]
            let listItems = counts["li", default: 0] - 100, inputs = counts["input", default: 0]
            let embeds = counts["iframe", default: 0] + counts["video", default: 0]
            let isList = child.name == "ul" || child.name == "ol"
            if images > 1 && Double(paragraphs) / Double(images) < 0.5 && child.name != "table" && length < 200 { return true }
            if !isList && listItems > paragraphs { return true }
            if inputs > paragraphs / 3 { return true }
            if !isList && length < 25 && (images == 0 || images > 2) && counts["h1", default: 0] == 0 { return true }
            if !isList && weight < 25 && density > 0.2 { return true }
            if weight >= 25 && density > 0.5 { return true }
            if embeds == 1 && length < 75 || embeds > 1 { return false }
            if isList && density > 0.5 && length > 0 { return true }
            return false
        }
        for child in box.children where child.isElement { cleanConditionally(child, scores: scores) }
    }
}

/// A mutable copy of a page's element with its parent, for scoring; text runs are boxes without a name.
final class Box {
    let name: String
    let attributes: [String: String]
    let text: String?
    var children: [Box] = []
    weak var parent: Box?

    init(element: HTMLElement, parent: Box?) {
        name = element.name
        attributes = element.attributes
        text = nil
        self.parent = parent
        children = element.children.map { child in
            switch child {
            case .element(let inner): return Box(element: inner, parent: self)
            case .text(let run): return Box(text: run, parent: self)
            }
        }
    }

    private init(text: String, parent: Box?) {
        name = ""
        attributes = [:]
        self.text = text
        self.parent = parent
    }

    var isElement: Bool { text == nil }
    var className: String { attributes["class"] ?? "" }

    var node: HTMLNode {
        if let text { return .text(text) }
        return .element(HTMLElement(name: name, attributes: attributes, children: children.map(\.node)))
    }

    /// The text below, and its length in characters, once worked out: cleared (here and above) when a child is
    /// removed.
    private var cachedText: String?
    private var cachedLength: Int?
    private var cachedCommas: Int?

    var innerText: String {
        if let text { return text }
        if let cachedText { return cachedText }
        let joined = children.map(\.innerText).joined()
        cachedText = joined
        return joined
    }

    /// Characters of `innerText`.
    var length: Int {
        if let cachedLength { return cachedLength }
        let count = innerText.count
        cachedLength = count
        return count
    }

    /// Commas of `innerText` (Latin, Chinese and Arabic).
    var commaCount: Int {
        if let cachedCommas { return cachedCommas }
        let count = innerText.unicodeScalars.reduce(0) { $0 + (ArticleExtractor.commaScalars.contains($1) ? 1 : 0) }
        cachedCommas = count
        return count
    }

    /// Whether the text, trimmed, is of 1 to 99 characters (a byline's, a date's).
    var hasShortText: Bool {
        // Long text is long trimmed too, unless it is nearly all whitespace: only shorter text is trimmed and counted.
        if length >= 2_000 { return false }
        let trimmed = innerText.trimmed.count
        return trimmed > 0 && trimmed < 100
    }

    /// Removes the children `shouldRemove` picks; what this element and those above it know of their text is
    /// then worked out again.
    func removeChildren(where shouldRemove: (Box) -> Bool) {
        let before = children.count
        children.removeAll(where: shouldRemove)
        guard children.count != before else { return }
        var cursor: Box? = self
        while let current = cursor {
            current.cachedText = nil
            current.cachedLength = nil
            current.cachedCommas = nil
            cursor = current.parent
        }
    }

    /// How many elements of each name are below this one.
    var elementCounts: [String: Int] {
        var counts: [String: Int] = [:]
        for box in descendants { counts[box.name, default: 0] += 1 }
        return counts
    }

    /// Every element below this one, in document order.
    var descendants: [Box] {
        var found: [Box] = []
        var stack = children.reversed().filter(\.isElement)
        while let next = stack.popLast() {
            found.append(next)
            stack += next.children.reversed().filter(\.isElement)
        }
        return found
    }

    func isAncestor(of other: Box) -> Bool {
        var cursor = other.parent
        while let current = cursor {
            if current === self { return true }
            cursor = current.parent
        }
        return false
    }

    func count(named wanted: String) -> Int {
        descendants.reduce(0) { $0 + ($1.name == wanted ? 1 : 0) }
    }

    var images: Int { count(named: "img") + count(named: "picture") }

    /// The share of the text that is inside links, 0…1 (a link to `#…` counts a third).
    var linkDensity: Double {
        let total = length
        guard total > 0 else { return 0 }
        var linked = 0.0
        for link in descendants where link.name == "a" {
            let weight = (link.attributes["href"] ?? "").hasPrefix("#") ? 0.3 : 1
            linked += Double(link.length) * weight
        }
        return min(1, linked / Double(total))
    }

    /// A `div` holding no block element: text laid out as one paragraph.
    var isParagraphLikeDiv: Bool {
        name == "div" && !children.contains { Box.blockNames.contains($0.name) }
    }

    static let blockNames: Set<String> = [
        "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", "section", "article", "figure", "h1", "h2",
        "h3", "h4", "h5", "h6",
    ]

    /// Hidden by `hidden`, `aria-hidden` or an inline `display: none` / `visibility: hidden`.
    var isHidden: Bool {
        if attributes["hidden"] != nil { return true }
        if attributes["aria-hidden"] == "true", name != "img", !className.contains("fallback-image") { return true }
        let style = (attributes["style"] ?? "").lowercased().filter { !$0.isWhitespace }
        return style.contains("display:none") || style.contains("visibility:hidden")
    }
}

/// Words that class and id names are searched for (lower case), parts of names or, for `words`, whole ones.
struct NameHints: Sendable {
    let parts: [String]
    let words: Set<String>

    init(_ parts: String..., words: Set<String> = []) {
        self.parts = parts
        self.words = words
    }

    func matches(_ names: String) -> Bool {
        // Most elements have no class or id: nothing to search.
        guard names.utf8.contains(where: { $0 != 0x20 }) else { return false }
        let lower = names.lowercased()
        return parts.contains { lower.includes($0) }
            || (!words.isEmpty && lower.split(whereSeparator: \.isWhitespace).contains { words.contains(String($0)) })
    }
}
