/// One node of an HTML body after parsing: an element or a run of text (comments and the like are gone).
///
/// Trees are kept shallow (see `HTMLDocumentParser.maximumDepth`), so the rewriters may recurse.
enum HTMLNode: Sendable, Equatable {
    case element(HTMLElement)
    case text(String)

    /// A shorthand for tests and rewriters: an element with sorted attributes.
    static func element(_ name: String, _ attributes: [String: String] = [:], _ children: [HTMLNode] = []) -> HTMLNode {
        .element(HTMLElement(name: name, attributes: attributes, children: children))
    }

    /// The element, if this node is one.
    var element: HTMLElement? {
        if case .element(let element) = self { return element }
        return nil
    }

    /// The text of this node and its descendants, in document order.
    var textContent: String {
        switch self {
        case .text(let text): return text
        case .element(let element): return element.textContent
        }
    }
}

/// An element: a lower-case name, its attributes and its children.
struct HTMLElement: Sendable, Equatable {
    var name: String
    var attributes: [String: String]
    var children: [HTMLNode]

    init(name: String, attributes: [String: String] = [:], children: [HTMLNode] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    var textContent: String { children.map(\.textContent).joined() }

    /// The same element holding other children.
    func with(children: [HTMLNode]) -> HTMLElement {
        HTMLElement(name: name, attributes: attributes, children: children)
    }

    /// The same element under another name.
    func renamed(_ newName: String) -> HTMLElement {
        HTMLElement(name: newName, attributes: attributes, children: children)
    }
}
