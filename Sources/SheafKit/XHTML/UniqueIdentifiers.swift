/// Keeps an element's `id` only when XML accepts it (an NCName) and makes every kept one unique within the
/// chapter: the second `x` becomes `x-2`, the third `x-3`. Ids of removed elements left with them.
///
/// Run once more after the rewriters that copy elements (`RepairContentModel` splits a `<span id>` around its
/// paragraphs into one span per paragraph, each with the id), with `repeats` `.dropped`: a copy's id names the
/// place its first piece already names, so the later pieces lose it.
struct UniqueIdentifiers: HTMLRewriter {
    /// What becomes of an id met again.
    enum Repeats: Sendable {
        /// `x-2`, `x-3`: two places of the source that happened to share a name.
        case renamed
        /// Dropped: pieces of one element of the source.
        case dropped
    }

    var repeats = Repeats.renamed

    /// Elements that may keep the source's `id` (targets a reader could be sent to).
    static let carriers: Set<String> = HTMLVocabulary.headings.union([
        "p", "div", "blockquote", "figure", "figcaption", "table", "caption", "ul", "ol", "dl", "li", "dt", "dd",
        "span", "a", "pre",
    ])

    func rewrite(_ nodes: [HTMLNode]) -> [HTMLNode] {
        var taken: Set<String> = []
        return rewrite(nodes, taken: &taken)
    }

    /// Document order, so that the first of two equal ids keeps its name.
    private func rewrite(_ nodes: [HTMLNode], taken: inout Set<String>) -> [HTMLNode] {
        nodes.map { node in
            guard case .element(var element) = node else { return node }
            if let id = element.attributes["id"] {
                if !Self.carriers.contains(element.name) || !Self.isName(id) {
                    element.attributes["id"] = nil
                } else if repeats == .renamed {
                    element.attributes["id"] = Self.unique(id, taken: &taken)
                } else if !taken.insert(id).inserted {
                    element.attributes["id"] = nil
                }
            }
            element.children = rewrite(element.children, taken: &taken)
            return .element(element)
        }
    }

    private static func unique(_ id: String, taken: inout Set<String>) -> String {
        var candidate = id
        var number = 1
        while taken.contains(candidate) {
            number += 1
            candidate = "\(id)-\(number)"
        }
        taken.insert(candidate)
        return candidate
    }

    /// An XML 1.0 (fifth edition) NCName: a name without colons.
    static func isName(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, isNameStart(first) else { return false }
        return value.unicodeScalars.dropFirst().allSatisfy { scalar in
            isNameStart(scalar) || scalar == "-" || scalar == "." || ("0"..."9").contains(scalar)
                || scalar.value == 0xB7 || (0x300...0x36F).contains(scalar.value) || (0x203F...0x2040).contains(scalar.value)
        }
    }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x5F, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF,
             0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD,
             0x10000...0xEFFFF:
            return true
        default:
            return false
        }
    }
}
