/// Deletes page furniture with everything inside it: scripts, embeds, forms, ad slots, hidden elements.
struct RemoveFurniture: HTMLRewriter {
    /// Elements that never carry article text a reader should see.
    static let furniture: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "video", "audio", "object", "embed", "applet",
        "form", "input", "button", "select", "option", "optgroup", "textarea", "label", "noscript",
        "template", "canvas", "svg", "math", "map", "area", "link", "meta", "title", "base", "source",
        "track", "param", "dialog", "nav", "col", "colgroup", "wbr",
    ]
    /// Fragments of `id`/`class` values that name ad slots and recommendation widgets.
    static let adSlotMarks: [String] = [
        "adsbygoogle", "taboola", "div-gpt-ad", "gpt-ad", "google_ads", "google-ads", "ad-slot", "adslot",
        "outbrain", "advertisement",
    ]

    func rewrite(_ nodes: [HTMLNode]) -> [HTMLNode] {
        // Top-down: whether an ad slot is furniture depends on what it holds as the page gave it.
        nodes.compactMap { node in
            guard case .element(var element) = node else { return node }
            guard !Self.isFurniture(element) else { return nil }
            element.children = rewrite(element.children)
            return .element(element)
        }
    }

    static func isFurniture(_ element: HTMLElement) -> Bool {
        furniture.contains(element.name) || isConcealed(element)
    }

    /// Hidden, or an ad slot that does not hold the article's own text: furniture whatever the element is.
    static func isConcealed(_ element: HTMLElement) -> Bool {
        if isHidden(element) { return true }
        let id = element.attributes["id"], classes = element.attributes["class"]
        guard id != nil || classes != nil else { return false }
        let marks = ((id ?? "") + " " + (classes ?? "")).lowercased()
        return adSlotMarks.contains { marks.includes($0) } && !holdsArticleText(element)
    }

    /// At least this many visible characters make an ad slot the article's own (an advertorial's whole text sits
    /// in `div-gpt-ad-…`): an ad's own words are a line or two.
    static let articleTextInAdSlot = 200

    /// An ad slot holding paragraphs of long text, with no script, frame or ad tag anywhere inside.
    static func holdsArticleText(_ element: HTMLElement) -> Bool {
        var characters = 0, paragraphs = 0
        func visit(_ nodes: [HTMLNode]) -> Bool {
            for node in nodes {
                switch node {
                case .text(let text):
                    characters += text.unicodeScalars.lazy.filter { !$0.properties.isWhitespace }.count
                case .element(let child):
                    if ["script", "iframe", "ins", "object", "embed"].contains(child.name) { return false }
                    if child.name == "p" || child.name == "br" { paragraphs += 1 }
                    if !visit(child.children) { return false }
                }
            }
            return true
        }
        return visit(element.children) && characters >= articleTextInAdSlot && paragraphs >= 2
    }

    /// Hidden by the `hidden` attribute or by an inline style.
    static func isHidden(_ element: HTMLElement) -> Bool {
        if element.attributes["hidden"] != nil { return true }
        guard let style = element.attributes["style"] else { return false }
        let compact = String(style.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace })
        return compact.includes("display:none") || compact.includes("visibility:hidden")
    }
}
