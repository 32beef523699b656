/// The element names Sheaf's output may use, and how the others are mapped onto them.
///
/// This is data, not logic: the rewriters consult it so that the allowed vocabulary is stated once.
enum HTMLVocabulary {
    /// Phrasing elements kept in the output (HTML5 phrasing content).
    static let phrasing: Set<String> = [
        "a", "abbr", "b", "bdi", "br", "cite", "code", "del", "dfn", "em", "i", "img", "ins", "kbd", "mark", "q",
        "s", "samp", "small", "span", "strong", "sub", "sup", "u", "var",
    ]
    /// Blocks that may hold only phrasing content.
    static let phrasingBlocks: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "pre"]
    /// Blocks that may hold flow content (blocks and phrasing mixed).
    static let flowBlocks: Set<String> = [
        "div", "blockquote", "li", "dd", "dt", "td", "th", "caption", "figure", "figcaption",
    ]
    /// Structures with a fixed child vocabulary.
    static let structures: Set<String> = ["ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr"]
    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    static let tableCells: Set<String> = ["td", "th"]
    static let tableSections: Set<String> = ["thead", "tbody", "tfoot"]
    static let voids: Set<String> = ["br", "hr", "img"]

    /// Elements that show something without any content.
    static let visibleVoids: Set<String> = ["hr", "img"]

    /// Every name the output may contain (`img` only with an image stored in the book: see `KeepKnownElements`).
    static let allowed: Set<String> = phrasing.union(phrasingBlocks).union(flowBlocks).union(structures)
        .union(["hr"])

    /// Obsolete or semantic elements rendered with an allowed one.
    static let renamed: [String: String] = [
        "center": "div", "section": "div", "article": "div",
        "header": "div", "footer": "div", "aside": "div", "main": "div", "address": "div", "hgroup": "div",
        "details": "div", "summary": "div", "fieldset": "div", "legend": "div",
        "strike": "s", "tt": "code", "acronym": "abbr", "bdo": "span",
        "listing": "pre", "xmp": "pre", "plaintext": "pre", "dir": "ul", "menu": "ul",
    ]

    /// Whether a character counts as empty space when deciding that an element shows nothing.
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0C, 0x0D, 0x20, 0xA0, 0x3000, 0x200B, 0x200C, 0x200D, 0x2060: return true
        default: return false
        }
    }

    /// Whether a node is phrasing content (text, or an allowed inline element).
    static func isPhrasing(_ node: HTMLNode) -> Bool {
        switch node {
        case .text: return true
        case .element(let element): return phrasing.contains(element.name)
        }
    }
}
