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
        guard parser.parse() else {
            return "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown error")"
        }
        return walker.violations.first
    }

    /// Why one element is not allowed, or nil.
    static func violation(element name: String, attributes: [String: String]) -> String? {
        guard HTMLVocabulary.allowed.contains(name) || imageElements.contains(name) else {
            return "element <\(name)> is not allowed"
        }
        for (attribute, value) in attributes {
            guard globalAttributes.contains(attribute) || elementAttributes[name, default: []].contains(attribute) else {
                return "attribute \(attribute) on <\(name)> is not allowed"
            }
            if attribute == "class", !value.split(separator: " ").allSatisfy({ KeepKnownElements.ownClasses.contains(String($0)) }) {
                return "class \"\(value)\" on <\(name)> is not one of Sheaf's own"
            }
            if attribute == "href", value.lowercased().filter({ !$0.isWhitespace }).hasPrefix("javascript:") {
                return "unsafe link \(value)"
            }
        }
        return nil
    }
}

/// Records the elements of one wrapped block and what is wrong with them.
private final class BlockWalker: NSObject, XMLParserDelegate {
    var violations: [String] = []
    private var depth = 0

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        defer { depth += 1 }
        // The wrapper's own two elements.
        if depth < 2 { return }
        if let violation = ChapterProperty.violation(element: name, attributes: attributes) {
            violations.append(violation)
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
    }
}
