/// Rebuilds nesting so the body is valid HTML5, not merely well-formed: no block inside `p`, headings or
/// inline elements, lists that hold only items, tables that hold only rows of cells.
///
/// Works bottom-up: every element sees repaired children. Stray list items, rows and cells are first
/// gathered into a list or table of their own; an inline element or paragraph holding a block is then split
/// around it, the inline formatting being carried into the block where it can be.
struct RepairContentModel: HTMLRewriter {
    func rewrite(_ nodes: [HTMLNode]) -> [HTMLNode] {
        FigureRepair.strayCaptions(Self.adoptingOrphans(nodes.rewritingElements(Self.repair), parent: nil), parent: nil)
    }

    static func repair(_ element: HTMLElement) -> [HTMLNode] {
        let children = adoptingOrphans(element.children, parent: element.name)
        let element = element.with(children: FigureRepair.strayCaptions(children, parent: element.name))
        switch element.name {
        case "figure": return [.element(FigureRepair.figure(element))]
        case "ul", "ol": return [.element(ListRepair.list(element))]
        case "dl": return ListRepair.definitionList(element)
        case "table": return TableRepair.table(element)
        case "tr": return TableRepair.row(element)
        case "th", "dt": return [.element(element.with(children: headingsAsParagraphs(element.children)))]
        default:
            if HTMLVocabulary.phrasing.contains(element.name) || HTMLVocabulary.phrasingBlocks.contains(element.name) {
                return split(element)
            }
            return [.element(element)]
        }
    }

    // MARK: - Splitting around blocks

    /// An element that may hold only phrasing content, split around each block child it holds.
    static func split(_ element: HTMLElement) -> [HTMLNode] {
        guard element.children.contains(where: { !HTMLVocabulary.isPhrasing($0) }) else { return [.element(element)] }
        var result: [HTMLNode] = []
        var run: [HTMLNode] = []
        func flush() {
            if !run.isBlank { result.append(.element(element.with(children: run))) }
            run = []
        }
        for child in element.children {
            if HTMLVocabulary.isPhrasing(child) {
                run.append(child)
            } else if let block = child.element {
                flush()
                result.append(contentsOf: pushing(element, into: block))
            }
        }
        flush()
        return result
    }

    /// Carries `outer`'s formatting into `block`: `<b><p>x</p></b>` → `<p><b>x</b></p>`,
    /// `<h2><p>x</p></h2>` → `<h2>x</h2>`, `<b><ul><li>x</li></ul></b>` → `<ul><li><b>x</b></li></ul>`.
    /// Rules, and lists or tables inside a paragraph or heading, are left as they are.
    private static func pushing(_ outer: HTMLElement, into block: HTMLElement) -> [HTMLNode] {
        if HTMLVocabulary.phrasingBlocks.contains(block.name) {
            if HTMLVocabulary.phrasingBlocks.contains(outer.name) { return [.element(outer.with(children: block.children))] }
            return [.element(block.with(children: [.element(outer.with(children: block.children))]))]
        }
        if HTMLVocabulary.flowBlocks.contains(block.name) {
            return [.element(block.with(children: split(outer.with(children: block.children))))]
        }
        if HTMLVocabulary.structures.contains(block.name) && HTMLVocabulary.phrasing.contains(outer.name) {
            // Items, rows and cells: the formatting reaches the text through every level.
            let children = block.children.flatMap { child in child.element.map { pushing(outer, into: $0) } ?? [child] }
            return [.element(block.with(children: children))]
        }
        return [.element(block)]
    }

    /// Headings may not appear in `th` or `dt`: they become paragraphs there.
    private static func headingsAsParagraphs(_ nodes: [HTMLNode]) -> [HTMLNode] {
        nodes.rewritingElements { element in
            [.element(HTMLVocabulary.headings.contains(element.name) ? element.renamed("p") : element)]
        }
    }

    // MARK: - Orphans

    /// Which wrapper a stray structural child needs, and which parents already are that wrapper.
    private static let orphanWrapper: [String: String] = [
        "li": "ul", "dt": "dl", "dd": "dl",
        "tr": "table", "td": "table", "th": "table", "thead": "table", "tbody": "table", "tfoot": "table",
        "caption": "table",
    ]
    private static let legitimateParents: [String: Set<String>] = [
        "li": ["ul", "ol"], "dt": ["dl"], "dd": ["dl"],
        "tr": ["table", "thead", "tbody", "tfoot"], "td": ["tr", "table", "thead", "tbody", "tfoot"],
        "th": ["tr", "table", "thead", "tbody", "tfoot"], "thead": ["table"], "tbody": ["table"],
        "tfoot": ["table"], "caption": ["table"],
    ]

    /// Gathers runs of list items, rows or cells found outside their structure into a new one.
    static func adoptingOrphans(_ nodes: [HTMLNode], parent: String?) -> [HTMLNode] {
        var result: [HTMLNode] = []
        var run: [HTMLNode] = []
        var runWrapper: String?
        func flush() {
            if let wrapper = runWrapper { result.append(contentsOf: repair(HTMLElement(name: wrapper, children: run))) }
            run = []
            runWrapper = nil
        }
        for node in nodes {
            if let element = node.element, let wrapper = orphanWrapper[element.name],
               !(parent.map { legitimateParents[element.name]?.contains($0) ?? false } ?? false) {
                if runWrapper != wrapper { flush() }
                runWrapper = wrapper
                run.append(node)
            } else if runWrapper != nil && node.isWhitespaceText {
                run.append(node)
            } else {
                flush()
                result.append(node)
            }
        }
        flush()
        return result
    }
}
