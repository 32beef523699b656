/// Makes a page's lazily loaded pictures real before its article is looked for.
///
/// Pages load pictures as they scroll: the `img` holds a placeholder (nothing, or a tiny `data:` picture) and the
/// real address waits in `data-src`, `data-srcset` or `srcset`; a `<picture>`'s `<source>` names it; or a copy of
/// the image sits in `<noscript>` beside the placeholder, for readers without scripts. Each becomes an `img` whose
/// `src` is the picture's address, so that extraction counts it and the writer embeds it.
enum LazyImages {
    /// Attributes that hold the real address of a lazily loaded picture, most trusted first.
    static let sourceAttributes = ["data-src", "data-original", "data-lazy-src", "data-actualsrc", "data-url",
                                   "data-hi-res-src", "data-full-src"]
    /// Attributes that hold a lazily loaded picture's `srcset`, most trusted first.
    static let sourceSetAttributes = ["srcset", "data-srcset", "data-lazy-srcset"]

    /// `nodes` with every lazily loaded picture given its real `src`.
    static func resolve(_ nodes: [HTMLNode]) -> [HTMLNode] {
        needsResolving(nodes) ? resolving(nodes) : nodes
    }

    /// Whether any element under `nodes` is a picture or a `noscript`: a page without them is left as it is,
    /// copied nowhere.
    private static func needsResolving(_ nodes: [HTMLNode]) -> Bool {
        nodes.contains { node in
            guard case .element(let element) = node else { return false }
            return element.name == "img" || element.name == "picture" || element.name == "noscript"
                || needsResolving(element.children)
        }
    }

    private static func resolving(_ nodes: [HTMLNode]) -> [HTMLNode] {
        var resolved: [HTMLNode] = []
        resolved.reserveCapacity(nodes.count)
        for node in nodes {
            guard case .element(var element) = node else {
                resolved.append(node)
                continue
            }
            switch element.name {
            case "img":
                resolved.append(.element(realImage(element, sources: [])))
            case "picture":
                // libxml2 does not know `source` as empty: what follows one may be parsed inside it. The picture
                // keeps its image alone, given the first source's address when it has none of its own.
                var sources: [String] = []
                var images: [HTMLElement] = []
                func gather(_ nodes: [HTMLNode]) {
                    for case .element(let child) in nodes {
                        if child.name == "source",
                           let best = sourceSetAttributes.lazy.compactMap({ child.attributes[$0] }).compactMap(bestCandidate).first {
                            sources.append(best)
                        }
                        if child.name == "img" { images.append(child) } else { gather(child.children) }
                    }
                }
                gather(element.children)
                guard let image = images.first else {
                    resolved.append(.element(element))
                    continue
                }
                element.children = [.element(realImage(image, sources: sources))]
                resolved.append(.element(element))
            case "noscript":
                // A copy of a picture for readers without scripts: it replaces the placeholder before it, or stands
                // in its own place when there is none.
                guard let image = soleImage(in: element.children) else {
                    resolved.append(node)
                    continue
                }
                let real = realImage(image, sources: [])
                if let last = resolved.lastIndex(where: { !$0.isWhitespaceText }), case .element(let before) = resolved[last],
                   before.name == "img" || (before.name != "noscript" && soleImage(in: before.children) != nil
                                            && before.textContent.allSatisfy(\.isWhitespace)) {
                    resolved[last] = .element(replacingImage(in: before, with: real))
                } else {
                    resolved.append(.element(real))
                }
            default:
                if needsResolving(element.children) { element.children = resolving(element.children) }
                resolved.append(.element(element))
            }
        }
        return resolved
    }

    /// `image` with its real address in `src`: its own when that is a real one, else a lazy attribute's, else the
    /// widest of its `srcset`, else the first of `sources` (its `<picture>`'s).
    static func realImage(_ image: HTMLElement, sources: [String]) -> HTMLElement {
        let current = (image.attributes["src"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard isPlaceholder(current) else { return image }
        let found = sourceAttributes.lazy.compactMap { image.attributes[$0] }
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .first { !isPlaceholder($0) }
            ?? sourceSetAttributes.lazy.compactMap { image.attributes[$0] }.compactMap(bestCandidate).first
            ?? sources.first
        guard let found else { return image }
        var real = image
        real.attributes["src"] = found
        return real
    }

    /// Whether `source` names no picture of the article: empty, or a tiny inline `data:` placeholder.
    static func isPlaceholder(_ source: String) -> Bool {
        source.isEmpty || (DataURI.isDataURI(source) && source.utf8.count < 400)
    }

    /// The widest candidate of a `srcset` (`a.jpg 320w, b.jpg 1024w` → `b.jpg`; `2x` counts as wider than `1x`);
    /// nil when it names none.
    static func bestCandidate(_ sourceSet: String) -> String? {
        var best: (address: String, width: Double)?
        // Candidates are split at commas followed by whitespace or at a descriptor's end; a URL may hold commas.
        for candidate in candidates(of: sourceSet) {
            let parts = candidate.split(whereSeparator: \.isWhitespace)
            guard let address = parts.first.map(String.init), !isPlaceholder(address) else { continue }
            var width = 1.0
            if parts.count > 1, let descriptor = parts.last {
                let number = Double(descriptor.dropLast()) ?? 1
                width = descriptor.hasSuffix("x") ? number * 1_000 : number
            }
            if best == nil || width > best!.width { best = (address, width) }
        }
        return best?.address
    }

    /// The candidates of a `srcset`, each an address with an optional descriptor.
    static func candidates(of sourceSet: String) -> [String] {
        var found: [String] = []
        var current = ""
        var inAddress = true
        for character in sourceSet {
            if inAddress {
                if character.isWhitespace {
                    if !current.isEmpty { inAddress = false; current.append(" ") }
                } else if character == ",", current.isEmpty {
                    continue
                } else {
                    current.append(character)
                }
            } else if character == "," {
                found.append(current)
                current = ""
                inAddress = true
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { found.append(current) }
        // An address that ended in a comma with no descriptor (`a.jpg, b.jpg`) keeps the comma: drop it.
        return found.map { candidate in
            var candidate = candidate.trimmingCharacters(in: .whitespaces)
            if !candidate.contains(" "), candidate.hasSuffix(",") { candidate.removeLast() }
            return candidate
        }
    }

    /// The one `img` among `nodes` (whitespace aside, and inside one wrapper at most); nil when there is not one.
    static func soleImage(in nodes: [HTMLNode]) -> HTMLElement? {
        let content = nodes.filter { !$0.isWhitespaceText }
        guard content.count == 1, let only = content.first?.element else { return nil }
        if only.name == "img" { return only }
        let inner = only.children.filter { !$0.isWhitespaceText }
        guard inner.count == 1, let image = inner.first?.element, image.name == "img" else { return nil }
        return image
    }

    /// `element` (an `img`, or a wrapper of one) with its picture replaced by `real`.
    static func replacingImage(in element: HTMLElement, with real: HTMLElement) -> HTMLElement {
        if element.name == "img" {
            var merged = element
            for (name, value) in real.attributes { merged.attributes[name] = value }
            return merged
        }
        return element.with(children: element.children.map { child in
            guard case .element(let inner) = child else { return child }
            return .element(replacingImage(in: inner, with: real))
        })
    }
}
