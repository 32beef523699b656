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
        var output: [String] = []
        var pendingSpace: Int?
        var lastVisible: Unicode.Scalar?
        for piece in pieces {
            guard case .text(var text) = piece else {
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
                output.append(text)
                lastVisible = last
                continue
            }
            // The others are copied run by run of visible text on their UTF-8 bytes (whitespace is ASCII); only
            // the scalars at the edges of a run take part in the decisions.
            output.append("")
            let kept = text.withUTF8 { utf8 -> [UInt8] in
                var kept: [UInt8] = []
                kept.reserveCapacity(utf8.count)
                var start = 0
                while start < utf8.count {
                    guard !isCollapsibleByte(utf8[start]) else {
                        if pendingSpace == nil { pendingSpace = current }
                        start += 1
                        continue
                    }
                    var end = start + 1
                    while end < utf8.count, !isCollapsibleByte(utf8[end]) { end += 1 }
                    if let index = pendingSpace, let last = lastVisible,
                       !ScriptClass.joinsWithoutSpace(last, scalar(in: utf8, at: start)) {
                        if index == current { kept.append(0x20) } else { output[index].append(" ") }
                    }
                    pendingSpace = nil
                    kept.append(contentsOf: utf8[start..<end])
                    var lastStart = end - 1
                    while lastStart > start, utf8[lastStart] & 0xC0 == 0x80 { lastStart -= 1 }
                    lastVisible = scalar(in: utf8, at: lastStart)
                    start = end
                }
                return kept
            }
            output[current] = String(decoding: kept, as: UTF8.self)
        }
        return output
    }

    /// The scalar whose UTF-8 starts at `index` of valid UTF-8.
    private static func scalar(in utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar {
        var bytes = utf8[index...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&bytes) else { return "\u{FFFD}" }
        return scalar
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
