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
        nodes.rewritingElements { element in
            Self.isFurniture(element) ? [] : [.element(element)]
        }
    }

    static func isFurniture(_ element: HTMLElement) -> Bool {
        furniture.contains(element.name) || isConcealed(element)
    }

    /// Hidden, or an ad slot: furniture whatever the element is.
    static func isConcealed(_ element: HTMLElement) -> Bool {
        if isHidden(element) { return true }
        let id = element.attributes["id"], classes = element.attributes["class"]
        guard id != nil || classes != nil else { return false }
        let marks = ((id ?? "") + " " + (classes ?? "")).lowercased()
        return adSlotMarks.contains { marks.includes($0) }
    }

    /// Hidden by the `hidden` attribute or by an inline style.
    static func isHidden(_ element: HTMLElement) -> Bool {
        if element.attributes["hidden"] != nil { return true }
        guard let style = element.attributes["style"] else { return false }
        let compact = String(style.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace })
        return compact.includes("display:none") || compact.includes("visibility:hidden")
    }
}
