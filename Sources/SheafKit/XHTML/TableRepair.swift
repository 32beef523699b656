/// Content-model repair for tables: a table holds an optional caption and one `tbody` of rows; a row holds
/// only cells. Content found between rows, and a caption holding a table, is moved before the table.
enum TableRepair {
    static func table(_ table: HTMLElement) -> [HTMLNode] {
        var fostered: [HTMLNode] = []
        var caption: HTMLElement?
        var rows: [HTMLNode] = []
        var cells: [HTMLNode] = []
        func flushCells() {
            if !cells.isEmpty { rows.append(contentsOf: row(HTMLElement(name: "tr", children: cells))) }
            cells = []
        }
        func take(_ nodes: [HTMLNode]) {
            for node in nodes {
                guard let element = node.element else {
                    if !node.isWhitespaceText { flushCells(); fostered.append(node) }
                    continue
                }
                switch element.name {
                case "tr": flushCells(); rows.append(node)
                case "td", "th": cells.append(node)
                case "thead", "tbody", "tfoot": flushCells(); take(element.children)
                case "caption" where caption == nil && rows.isEmpty && cells.isEmpty && !element.containsTable:
                    caption = element
                case "caption": flushCells(); fostered.append(.element(element.renamed("div")))
                default: flushCells(); fostered.append(node)
                }
            }
            flushCells()
        }
        take(table.children)
        guard !rows.isEmpty else {
            return fostered + (caption.map { [.element($0.renamed("div"))] } ?? [])
        }
        let body: [HTMLNode] = (caption.map { [.element($0)] } ?? []) + [.element("tbody", [:], rows)]
        return fostered + [.element(table.with(children: body))]
    }

    /// A row keeps its cells; other content joins the cell before it (or a new cell); no cells, no row.
    static func row(_ row: HTMLElement) -> [HTMLNode] {
        var children: [HTMLNode] = []
        var stray: [HTMLNode] = []
        func flush() {
            defer { stray = [] }
            guard !stray.isBlank else { return }
            if let lastIndex = children.indices.last, case .element(var cell) = children[lastIndex] {
                cell.children += stray
                children[lastIndex] = .element(cell)
            } else {
                children.append(.element("td", [:], stray))
            }
        }
        for node in row.children {
            if let element = node.element, HTMLVocabulary.tableCells.contains(element.name) {
                flush()
                children.append(node)
            } else {
                stray.append(node)
            }
        }
        flush()
        return children.isEmpty ? [] : [.element(row.with(children: children))]
    }
}

extension HTMLElement {
    /// Whether a table sits anywhere inside (a caption may not hold one).
    var containsTable: Bool {
        children.contains { child in
            guard let element = child.element else { return false }
            return element.name == "table" || element.containsTable
        }
    }
}
