/// Reduces the vocabulary to what the book may contain: obsolete elements are renamed (`center` → `div`),
/// unknown and prefixed ones unwrapped keeping their content, and attributes cut to an allow-list.
struct KeepKnownElements: HTMLRewriter {
    /// Classes Sheaf sets itself; any other class is the source site's and goes.
    static let ownClasses: Set<String> = [ReplaceImages.placeholderClass, ReplaceMedia.placeholderClass]

    func rewrite(_ nodes: [HTMLNode]) -> [HTMLNode] {
        nodes.rewritingElements { element in
            let name = HTMLVocabulary.renamed[element.name] ?? element.name
            guard HTMLVocabulary.allowed.contains(name) else {
                // An unknown wrapper around blocks is a block itself: its edges must keep paragraphs apart.
                let holdsBlock = element.children.contains { $0.element != nil && !HTMLVocabulary.isPhrasing($0) }
                return holdsBlock ? [.element(HTMLElement(name: "div", children: element.children))] : element.children
            }
            if name == "img" { return Self.storedImage(element).map { [.element($0)] } ?? [] }
            var kept = HTMLElement(name: name, attributes: Self.attributes(of: element, as: name),
                                   children: element.children)
            if HTMLVocabulary.voids.contains(name) { kept.children = [] }
            // A span with nothing left to say is only noise around its text.
            if name == "span" && kept.attributes.isEmpty { return kept.children }
            return [.element(kept)]
        }
    }

    /// The attributes an element keeps: `href` on links, spans on cells, `lang`/`dir` when valid, own classes,
    /// and `id` where `UniqueIdentifiers` may keep it.
    static func attributes(of element: HTMLElement, as name: String) -> [String: String] {
        var kept: [String: String] = [:]
        if UniqueIdentifiers.carriers.contains(name), let id = element.attributes["id"] { kept["id"] = id }
        if name == "a", let href = element.attributes["href"] { kept["href"] = href }
        if HTMLVocabulary.tableCells.contains(name) {
            if let span = cellSpan(element.attributes["colspan"], limit: 1000) { kept["colspan"] = span }
            if let span = cellSpan(element.attributes["rowspan"], limit: 65534) { kept["rowspan"] = span }
        }
        if let lang = element.attributes["lang"], isLanguageTag(lang) { kept["lang"] = lang }
        if let dir = element.attributes["dir"]?.lowercased(), ["ltr", "rtl", "auto"].contains(dir) { kept["dir"] = dir }
        if let classes = element.attributes["class"] {
            let own = classes.split(separator: " ").map(String.init).filter(ownClasses.contains)
            if !own.isEmpty { kept["class"] = own.joined(separator: " ") }
        }
        return kept
    }

    /// An image stored in the book keeps its `src` and an `alt` (empty if none); any other image goes.
    static func storedImage(_ image: HTMLElement) -> HTMLElement? {
        guard let source = image.attributes["src"], source.hasPrefix("../" + BookImage.folder + "/"),
              !source.dropFirst(3).contains("..") else { return nil }
        return HTMLElement(name: "img", attributes: ["src": source, "alt": image.attributes["alt"] ?? ""])
    }

    /// A span worth keeping: a whole number above 1 and within HTML's limit.
    static func cellSpan(_ value: String?, limit: Int) -> String? {
        guard let value, let number = Int(value.filter { !$0.isWhitespace }), number > 1 else { return nil }
        return String(min(number, limit))
    }

    /// A well-formed BCP 47 tag, shallowly: letters first, then alphanumeric subtags of 1–8 characters.
    static func isLanguageTag(_ value: String) -> Bool {
        let subtags = value.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = subtags.first, (2...8).contains(first.count),
              first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return subtags.dropFirst().allSatisfy { subtag in
            (1...8).contains(subtag.count) && subtag.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
