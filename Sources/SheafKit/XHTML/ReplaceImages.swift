/// Replaces every image by a visible placeholder naming it: this first version embeds no images.
///
/// `<img alt="x">` becomes `<span class="image-missing">［图片：x］</span>` (wording by language); a link that
/// only wraps an image and points at the full-size picture becomes the placeholder alone.
struct ReplaceImages: HTMLRewriter {
    /// The class of the placeholder, styled by the book's CSS.
    static let placeholderClass = "image-missing"
    static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "gif", "webp", "bmp", "svg", "tif", "tiff"]

    var language: String

    func rewrite(_ nodes: [HTMLNode]) -> [HTMLNode] {
        nodes.rewritingElements { element in
            switch element.name {
            case "img": return placeholder(for: element).map { [$0] } ?? []
            case "a": return Self.isImageLink(element) ? element.children.filter { !$0.isWhitespaceText } : [.element(element)]
            default: return [.element(element)]
            }
        }
    }

    /// The placeholder for one image; nil for an image with neither source nor description.
    func placeholder(for image: HTMLElement) -> HTMLNode? {
        let alt = Self.collapsed(image.attributes["alt"] ?? image.attributes["title"] ?? "")
        guard !alt.isEmpty || !(image.attributes["src"] ?? "").isEmpty else { return nil }
        return .element("span", ["class": Self.placeholderClass], [.text(wording(alt: alt))])
    }

    /// `［图片：alt］` for Chinese books, `[Image: alt]` otherwise.
    func wording(alt: String) -> String {
        if language.lowercased().hasPrefix("zh") {
            return alt.isEmpty ? "［图片］" : "［图片：\(alt)］"
        }
        return alt.isEmpty ? "[Image]" : "[Image: \(alt)]"
    }

    /// A link whose only content is one placeholder and whose target is a picture file.
    static func isImageLink(_ link: HTMLElement) -> Bool {
        let content = link.children.filter { !$0.isWhitespaceText }
        guard content.count == 1, let only = content.first?.element,
              only.attributes["class"] == placeholderClass, let href = link.attributes["href"] else { return false }
        let path = href.prefix { $0 != "?" && $0 != "#" }
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return imageExtensions.contains(path[path.index(after: dot)...].lowercased())
    }

    private static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

extension HTMLNode {
    /// Text made only of whitespace.
    var isWhitespaceText: Bool {
        if case .text(let text) = self { return text.allSatisfy(\.isWhitespace) }
        return false
    }
}
