/// Moves every heading one level down (`h1` → `h2` …, `h6` stays): the chapter's title is its only `h1`.
struct DemoteHeadings: HTMLRewriter {
    func rewrite(_ nodes: [HTMLNode]) -> [HTMLNode] {
        nodes.rewritingElements { element in
            guard HTMLVocabulary.headings.contains(element.name),
                  let level = element.name.last?.wholeNumberValue else { return [.element(element)] }
            return [.element(element.renamed("h\(min(level + 1, 6))"))]
        }
    }
}
