/// Collapses runs of whitespace to one space, drops it at the edges of blocks and line breaks, and drops it
/// between CJK characters, where only the source's pretty-printing put it. Latin words stay apart.
///
/// A block's inline content is one stream of text across elements (`a<b> b</b>`), so each block is done
/// in two passes: decide over the stream, then write the decided text back into the same text nodes.
struct CollapseWhitespace: HTMLRewriter {
    func rewrite(_ nodes: [HTMLNode]) -> [HTMLNode] {
        Self.collapse(block: nodes)
    }

    private enum Piece {
        case text(String)
        case boundary
    }

    static func collapse(block nodes: [HTMLNode]) -> [HTMLNode] {
        var pieces: [Piece] = []
        gather(nodes, into: &pieces)
        let decided = decide(pieces)
        var next = 0
        return rebuild(nodes, from: decided, next: &next)
    }

    // MARK: - Passes

    private static func gather(_ nodes: [HTMLNode], into pieces: inout [Piece]) {
        for node in nodes {
            switch node {
            case .text(let text):
                pieces.append(.text(text))
            case .element(let element):
                if HTMLVocabulary.phrasing.contains(element.name) && element.name != "br" {
                    gather(element.children, into: &pieces)
                } else {
                    pieces.append(.boundary)
                }
            }
        }
    }

    private static func rebuild(_ nodes: [HTMLNode], from texts: [String], next: inout Int) -> [HTMLNode] {
        var result: [HTMLNode] = []
        result.reserveCapacity(nodes.count)
        for node in nodes {
            switch node {
            case .text:
                if !texts[next].isEmpty { result.append(.text(texts[next])) }
                next += 1
            case .element(let element):
                if element.name == "pre" || element.name == "br" {
                    result.append(node)
                } else if HTMLVocabulary.phrasing.contains(element.name) {
                    result.append(.element(element.with(children: rebuild(element.children, from: texts, next: &next))))
                } else {
                    result.append(.element(element.with(children: collapse(block: element.children))))
                }
            }
        }
        return result
    }

    /// The new text of every text piece. A run of whitespace, wherever it spans, becomes at most one space,
    /// placed where the run began.
    private static func decide(_ pieces: [Piece]) -> [String] {
        var output: [String.UnicodeScalarView] = []
        var pendingSpace: Int?
        var lastVisible: Unicode.Scalar?
        for piece in pieces {
            guard case .text(let text) = piece else {
                pendingSpace = nil
                lastVisible = nil
                continue
            }
            let current = output.count
            // Most text nodes hold no collapsible space at all: kept whole, after the pending space's decision.
            if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
               !text.utf8.contains(where: isCollapsibleByte) {
                if let index = pendingSpace, let previous = lastVisible, !ScriptClass.joinsWithoutSpace(previous, first) {
                    output[index].append(" ")
                }
                pendingSpace = nil
                output.append(text.unicodeScalars)
                lastVisible = last
                continue
            }
            output.append(String.UnicodeScalarView())
            for scalar in text.unicodeScalars {
                if isCollapsible(scalar) {
                    if pendingSpace == nil { pendingSpace = current }
                    continue
                }
                if let index = pendingSpace, let last = lastVisible, !ScriptClass.joinsWithoutSpace(last, scalar) {
                    output[index].append(" ")
                }
                pendingSpace = nil
                output[current].append(scalar)
                lastVisible = scalar
            }
        }
        return output.map(String.init)
    }

    private static func isCollapsibleByte(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    /// HTML's collapsible whitespace; no-break and ideographic spaces are content.
    static func isCollapsible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\n", "\r", "\u{0C}": return true
        default: return false
        }
    }
}
