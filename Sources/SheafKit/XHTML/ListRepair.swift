/// Content-model repair for lists: `ul`/`ol` hold only `li`; `dl` holds `dt`+ `dd`+ groups.
enum ListRepair {
    /// Items kept; anything else joins the item before it, or a new item when there is none.
    static func list(_ list: HTMLElement) -> HTMLElement {
        list.with(children: grouping(list.children, items: ["li"], newItem: "li"))
    }

    /// A definition list with its strays folded into `dd`s; one that still does not follow `(dt+ dd+)+`
    /// becomes plain divisions, which keeps its text and order.
    static func definitionList(_ list: HTMLElement) -> [HTMLNode] {
        let children = grouping(list.children, items: ["dt", "dd"], newItem: "dd")
        if followsTermsThenDefinitions(children.compactMap(\.element?.name)) {
            return [.element(list.with(children: children))]
        }
        let divisions = children.map { node -> HTMLNode in
            guard let element = node.element else { return node }
            return .element(element.renamed("div"))
        }
        return [.element(HTMLElement(name: "div", children: divisions))]
    }

    /// Whether names follow `(dt+ dd+)+`.
    static func followsTermsThenDefinitions(_ names: [String]) -> Bool {
        var last = ""
        for name in names {
            if name == "dd" && last == "" { return false }
            last = name
        }
        return last == "dd"
    }

    private static func grouping(_ nodes: [HTMLNode], items: Set<String>, newItem: String) -> [HTMLNode] {
        var result: [HTMLNode] = []
        var stray: [HTMLNode] = []
        func flush() {
            defer { stray = [] }
            guard !stray.isBlank else { return }
            if let lastIndex = result.lastIndex(where: { $0.element != nil }), case .element(var last) = result[lastIndex] {
                last.children += stray
                result[lastIndex] = .element(last)
            } else {
                result.append(.element(newItem, [:], stray))
            }
        }
        for node in nodes {
            if let element = node.element, items.contains(element.name) {
                flush()
                result.append(node)
            } else {
                stray.append(node)
            }
        }
        flush()
        return result
    }
}
