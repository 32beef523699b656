import Foundation

/// The images of an article a program holds in memory (see `MemoryArticle`), found by the `src` its HTML
/// names them with: `<img src="chart.png">` is the bytes given as `chart.png`.
///
/// Nothing is read from disk: an image the article does not supply stays a placeholder, as a remote one does.
enum SuppliedImages {
    /// Every `<img>` under `nodes` whose source is one of `images` (as written, or percent-decoded), decoded
    /// and prepared once, by source.
    static func lookupAll(in nodes: [HTMLNode], images: [String: Data],
                          preparation: ImagePreparation = ImagePreparation()) -> [String: DataImage] {
        guard !images.isEmpty else { return [:] }
        var found: [String: DataImage] = [:]
        func visit(_ nodes: [HTMLNode]) {
            for case .element(let element) in nodes {
                let source = ReplaceImages.source(of: element)
                if element.name == "img", found[source] == nil, let bytes = bytes(for: source, in: images) {
                    found[source] = DataImage.decode(bytes: [UInt8](bytes), preparation: preparation)
                }
                visit(element.children)
            }
        }
        visit(nodes)
        return found
    }

    /// The bytes named `source`, trimmed, or its percent-decoded form (`my%20chart.png` for `my chart.png`).
    static func bytes(for source: String, in images: [String: Data]) -> Data? {
        let trimmed = source.trimmingCharacters(in: .whitespaces)
        if let bytes = images[trimmed] { return bytes }
        return images[String(decoding: DataURI.percentDecoded(Array(trimmed.utf8)), as: UTF8.self)]
    }
}
