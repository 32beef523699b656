/// Turns runs of text separated by `<br>`s into paragraphs where that is what they are.
///
/// Two or more breaks in a row always separate paragraphs. Single breaks separate paragraphs only in a
/// stretch whose lines mostly end a sentence (prose or dialogue typed with line breaks); a stretch of lines
/// that don't (a poem's lines, an address) keeps its breaks. Breaks nested inside inline elements stay.
struct BreaksToParagraphs: HTMLRewriter {
    /// Containers whose loose inline content may be cut into paragraphs.
    static let flowContainers: Set<String> = ["div", "blockquote"]
    /// Share of a stretch's lines that must end a sentence for its single breaks to become paragraph breaks.
    static let sentenceLineShare = 0.6

    func rewrite(_ nodes: [HTMLNode]) -> [HTMLNode] {
        Self.splittingRuns(nodes).rewritingElements { element in
            if element.name == "p" {
                let pieces = Self.paragraphs(in: element.children)
                guard pieces.count > 1 else { return [.element(element)] }
                var rest = element.attributes
                rest["id"] = nil
                return pieces.enumerated().map { index, piece in
                    .element(HTMLElement(name: "p", attributes: index == 0 ? element.attributes : rest, children: piece))
                }
            }
            guard Self.flowContainers.contains(element.name) else { return [.element(element)] }
            return [.element(element.with(children: Self.splittingRuns(element.children)))]
        }
    }

    /// The nodes with each run of inline content that holds several paragraphs replaced by `<p>`s.
    static func splittingRuns(_ nodes: [HTMLNode]) -> [HTMLNode] {
        var result: [HTMLNode] = []
        var run: [HTMLNode] = []
        func flush() {
            let pieces = paragraphs(in: run)
            if pieces.count > 1 { result += pieces.map { .element("p", [:], $0) } } else { result += run }
            run = []
        }
        for node in nodes {
            if HTMLVocabulary.isPhrasing(node) { run.append(node) } else { flush(); result.append(node) }
        }
        flush()
        return result
    }

    // MARK: - Deciding

    /// The paragraphs of a run of inline content (one when it holds a single paragraph).
    static func paragraphs(in nodes: [HTMLNode]) -> [[HTMLNode]] {
        guard nodes.contains(where: { $0.element?.name == "br" }) else { return [nodes] }
        var paragraphs: [[HTMLNode]] = []
        for stretch in lines(of: nodes).split(whereSeparator: \.isEmpty) {
            let stretch = Array(stretch)
            let ending = stretch.dropLast().filter { endsSentence(HTMLNode.element("span", [:], $0).textContent) }
            if Double(ending.count) >= sentenceLineShare * Double(stretch.count - 1) {
                paragraphs += stretch
            } else {
                paragraphs.append(Array(stretch.joined(separator: [HTMLNode.element("br")])))
            }
        }
        return paragraphs.map(trimmed).filter { !$0.isBlank }
    }

    /// The lines between breaks; an empty line marks a paragraph break (two breaks or more in a row).
    private static func lines(of nodes: [HTMLNode]) -> [[HTMLNode]] {
        var lines: [[HTMLNode]] = []
        var current: [HTMLNode] = []
        var breaks = 0
        for node in nodes {
            if node.element?.name == "br" {
                breaks += 1
            } else if breaks == 0 {
                current.append(node)
            } else if !node.isWhitespaceText {
                lines.append(current)
                if breaks > 1 { lines.append([]) }
                current = [node]
                breaks = 0
            }
        }
        lines.append(current)
        return lines
    }

    /// Closing quotes and brackets that may follow a sentence's final mark.
    static let closers: Set<Character> = ["”", "’", "」", "』", "）", ")", "\"", "'", "】", "》", "〉", "]"]
    static let sentenceMarks: Set<Character> = ["。", "！", "？", "!", "?", "…", ".", "．"]

    /// Whether a line ends with a sentence's final mark, closing quotes aside.
    static func endsSentence(_ line: String) -> Bool {
        let end = line.reversed().drop { $0.isWhitespace || closers.contains($0) }
        return end.first.map(sentenceMarks.contains) ?? false
    }

    /// The nodes without blank text at either end.
    private static func trimmed(_ nodes: [HTMLNode]) -> [HTMLNode] {
        var nodes = nodes
        while nodes.first?.isWhitespaceText == true { nodes.removeFirst() }
        while nodes.last?.isWhitespaceText == true { nodes.removeLast() }
        return nodes
    }
}
