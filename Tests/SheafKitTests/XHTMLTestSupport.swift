@testable import SheafKit

/// Parses `html`, applies `rewriters` in order and serializes the result (blocks joined without separator).
func rewritten(_ html: String, by rewriters: any HTMLRewriter...) -> String {
    let nodes = rewriters.reduce(HTMLDocumentParser().parse(html).nodes) { $1.rewrite($0) }
    return nodes.map(XHTMLSerializer.serialize).joined()
}

/// `depth` nested elements named `name` around `text`.
func nested(_ name: String, depth: Int, around text: String) -> String {
    String(repeating: "<\(name)>", count: depth) + text + String(repeating: "</\(name)>", count: depth)
}
