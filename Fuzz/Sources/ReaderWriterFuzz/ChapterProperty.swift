import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import SheafKit

/// What every block of a chapter must be: well-formed XML inside an XHTML body, made only of the writer's
/// allowed elements, each with only the attributes the book may carry.
enum ChapterProperty {
    /// Elements the image work may add beside `HTMLVocabulary.allowed` (embedded `data:` images).
    static let imageElements: Set<String> = ["img"]
    /// Attributes any element may keep.
    static let globalAttributes: Set<String> = ["lang", "dir", "class", "id"]
    /// Attributes only some elements may keep.
    static let elementAttributes: [String: Set<String>] = [
        "a": ["href"], "td": ["colspan", "rowspan"], "th": ["colspan", "rowspan"], "img": ["src", "alt"],
    ]

    /// A description of what is wrong with `block`, or nil when it holds the property.
    static func violation(in block: String) -> String? {
        let wrapped = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>" + block + "</body></html>"
        let parser = XMLParser(data: Data(wrapped.utf8))
        let walker = BlockWalker()
        parser.delegate = walker
        // Foundation's parser can report success on a document with unclosed elements: the walker checks too.
        guard parser.parse(), walker.error == nil, walker.open.isEmpty else {
            let reason = walker.error ?? parser.parserError.map { "\($0)" } ?? "unclosed \(walker.open)"
            return "not well-formed XML: \(reason)"
        }
        return walker.violations.first
    }

    /// Why one element is not allowed, or nil.
    static func violation(element name: String, attributes: [String: String]) -> String? {
        guard HTMLVocabulary.allowed.contains(name) || imageElements.contains(name) else {
            return "element <\(name)> is not allowed"
        }
        let allowed = globalAttributes.union(elementAttributes[name, default: []])
        for (attribute, value) in attributes {
            guard allowed.contains(attribute) else { return "attribute \(attribute) on <\(name)> is not allowed" }
            let classes = value.split(separator: " ").map(String.init)
            if attribute == "class", !classes.allSatisfy(KeepKnownElements.ownClasses.contains) {
                return "class \"\(value)\" on <\(name)> is not one of Sheaf's own"
            }
            if attribute == "href", value.lowercased().filter({ !$0.isWhitespace }).hasPrefix("javascript:") {
                return "unsafe link \(value)"
            }
        }
        return nil
    }
}

/// Records the elements of one wrapped block, checks that they nest, and notes what is wrong with them.
private final class BlockWalker: NSObject, XMLParserDelegate {
    var violations: [String] = []
    /// The elements open at this point of the document.
    var open: [String] = []
    var error: String?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        defer { open.append(name) }
        // The wrapper's own two elements.
        if open.count < 2 { return }
        if let violation = ChapterProperty.violation(element: name, attributes: attributes) {
            violations.append(violation)
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard open.last == name else {
            error = error ?? "</\(name)> closes <\(open.last ?? "nothing")>"
            return
        }
        open.removeLast()
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        error = error ?? "\(parseError)"
    }
}

// MARK: - Self-test

extension ChapterProperty {
    /// Blocks the property must reject, one per kind of violation, and one it must accept.
    static let counterexamples = [
        "<p>open", "<p>a</div>", "<p>a &nbsp; b</p>", "<p>\u{8}</p>", "<script>x</script>", "<o:p>x</o:p>",
        "<p onclick=\"x\">a</p>", "<p class=\"ar_articleContent\">a</p>", "<a href=\"javascript:x()\">a</a>",
    ]
    static let example = "<div><p lang=\"zh\">正文<a href=\"https://example.org/\">链接</a><br/></p><hr/></div>"

    /// The counterexamples the property wrongly accepts, and the example if it wrongly rejects it: empty when
    /// the property can tell good blocks from bad ones.
    static func selfTest() -> [String] {
        counterexamples.filter { violation(in: $0) == nil } + (violation(in: example) == nil ? [] : [example])
    }
}
