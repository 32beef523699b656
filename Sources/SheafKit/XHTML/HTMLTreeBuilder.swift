/// Builds an `HTMLNode` forest from a stream of open/text/close events, never nesting deeper than a limit.
///
/// Below the limit, an element's text is emitted as a sibling segment wrapped in that element (so
/// `<b>x<i>y</i>z</b>` becomes `<b>x</b><i>y</i><b>z</b>` there): text and order survive, nesting does not.
struct HTMLTreeBuilder {
    let maximumDepth: Int
    private var frames: [Frame] = [Frame(kind: .root)]
    private var elementDepth = 0
    private var nextSegment = 0
    private(set) var flattenedElements = 0

    private enum Kind {
        case root
        case transparent
        case element(name: String, attributes: [String: String])
        case flattened(name: String, attributes: [String: String], segment: Int)
    }

    private struct Frame {
        var kind: Kind
        var children: [HTMLNode] = []
        /// The segment whose element is this frame's last child, if text may still be added to it.
        var openSegment: Int?
    }

    init(maximumDepth: Int) {
        self.maximumDepth = max(1, maximumDepth)
    }

    /// Starts an element; a nil name starts a transparent wrapper whose content goes to its parent.
    mutating func open(name: String?, attributes: [String: String], isEmpty: Bool = false) {
        guard let name else {
            frames.append(Frame(kind: .transparent))
            return
        }
        if elementDepth < maximumDepth {
            elementDepth += 1
            frames.append(Frame(kind: .element(name: name, attributes: attributes)))
            return
        }
        flattenedElements += 1
        nextSegment += 1
        frames.append(Frame(kind: .flattened(name: name, attributes: attributes, segment: nextSegment)))
        if isEmpty { append(node: .element(name, attributes)) }
    }

    /// Adds text to the innermost open element.
    mutating func append(text: String) {
        guard let top = frames.indices.last else { return }
        guard case .flattened(let name, let attributes, let segment) = frames[top].kind else {
            // Text split by a dropped comment is one text.
            if case .text(let previous)? = frames[top].children.last {
                frames[top].children[frames[top].children.count - 1] = .text(previous + text)
            } else {
                frames[top].children.append(.text(text))
            }
            frames[top].openSegment = nil
            return
        }
        let target = targetIndex
        if frames[target].openSegment == segment, case .element(var element)? = frames[target].children.last {
            element.children.append(.text(text))
            frames[target].children[frames[target].children.count - 1] = .element(element)
        } else {
            frames[target].children.append(.element(name, attributes, [.text(text)]))
            frames[target].openSegment = segment
        }
    }

    /// Ends the innermost open element.
    mutating func close() {
        guard frames.count > 1, let frame = frames.popLast() else { return }
        switch frame.kind {
        case .root, .flattened:
            break
        case .transparent:
            for child in frame.children { append(node: child) }
        case .element(let name, let attributes):
            elementDepth -= 1
            append(node: .element(name, attributes, frame.children))
        }
    }

    /// The top-level nodes, closing whatever is still open.
    mutating func result() -> HTMLDocumentParser.Result {
        while frames.count > 1 { close() }
        return HTMLDocumentParser.Result(nodes: frames[0].children, flattenedElements: flattenedElements)
    }

    // MARK: - Private

    /// The frame that receives finished nodes: the innermost frame that is not a flattened one.
    private var targetIndex: Int {
        frames.lastIndex { frame in
            if case .flattened = frame.kind { return false }
            return true
        } ?? 0
    }

    private mutating func append(node: HTMLNode) {
        let target = targetIndex
        frames[target].children.append(node)
        frames[target].openSegment = nil
    }
}
