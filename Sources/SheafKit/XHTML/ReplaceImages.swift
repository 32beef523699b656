/// Makes every image offline: a `data:` picture becomes an image stored in the book, any other image a
/// visible placeholder with its description and a link to the original.
///
/// `<img alt="x" src="/a.jpg">` becomes `<span class="image-missing">［图片：x］<a href="https://site/a.jpg">…</a></span>`
/// (wording by language). A thumbnail wrapped in a link to its full-size picture is one image: the
/// placeholder links to the full-size picture.
struct ReplaceImages: HTMLRewriter {
    /// The class of the placeholder, styled by the book's CSS.
    static let placeholderClass = "image-missing"
    static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "gif", "webp", "bmp", "svg", "tif", "tiff"]
    /// Attributes where lazy-loading pages keep the real address while `src` holds a stand-in.
    static let lazySources = ["data-src", "data-original", "data-lazy-src", "data-actualsrc"]

    var language: String
    var resolver: LinkResolver
    /// The article's `data:` images, decoded beforehand (see `DataImage.decodeAll`), by `src`.
    var decoded: [String: DataImage]

    init(language: String, source: String? = nil, decoded: [String: DataImage] = [:]) {
        self.language = language
        resolver = LinkResolver(source: source)
        self.decoded = decoded
    }

    func rewrite(_ nodes: [HTMLNode]) -> [HTMLNode] {
        nodes.flatMap { replaced($0, insideLink: false) }
    }

    private func replaced(_ node: HTMLNode, insideLink: Bool) -> [HTMLNode] {
        guard let element = node.element else { return [node] }
        if element.name == "img" { return image(element, fullSize: nil, insideLink: insideLink) }
        if element.name == "a", let href = element.attributes["href"], Self.isImageFile(href),
           let thumbnail = Self.soleImage(of: element) {
            return image(thumbnail, fullSize: href, insideLink: insideLink)
        }
        let inside = insideLink || element.name == "a"
        return [.element(element.with(children: element.children.flatMap { replaced($0, insideLink: inside) }))]
    }

    /// The stored picture, a placeholder, or nothing for a pixel or an image with nothing to show.
    /// Inside another link the placeholder carries no link of its own: links may not nest.
    func image(_ image: HTMLElement, fullSize: String?, insideLink: Bool = false) -> [HTMLNode] {
        let alt = Self.collapsed(image.attributes["alt"] ?? image.attributes["title"] ?? "")
        let source = Self.source(of: image)
        // `decoded` holds the data: images and the local files found; other data: URIs are decoded here.
        if let known = decoded[source] ?? (DataURI.isDataURI(source) ? DataImage.decode(source) : nil) {
            switch known {
            case .picture(let picture): return [.element("img", ["src": picture.chapterSource, "alt": alt])]
            case .pixel: return []
            case .unusable: break
            }
        }
        let original = insideLink ? nil : fullSize ?? (DataURI.isDataURI(source) ? nil : resolver.resolve(source))
        let link = original.flatMap { LinkResolver.scheme(of: $0) == "mailto" ? nil : $0 }
        guard !alt.isEmpty || link != nil || !source.isEmpty else { return [] }
        var content: [HTMLNode] = [.text(wording(alt: alt))]
        if let link { content += [.text(" "), .element("a", ["href": link], [.text(link)])] }
        return [.element("span", ["class": Self.placeholderClass], content)]
    }

    /// `［图片：alt］` for Chinese books, `[Image: alt]` otherwise.
    func wording(alt: String) -> String {
        if language.lowercased().hasPrefix("zh") {
            return alt.isEmpty ? "［图片］" : "［图片：\(alt)］"
        }
        return alt.isEmpty ? "[Image]" : "[Image: \(alt)]"
    }

    // MARK: - Shapes

    /// `src`, unless it is empty or a `data:` stand-in and a lazy-loading attribute has the real address.
    static func source(of image: HTMLElement) -> String {
        let source = (image.attributes["src"] ?? "").trimmingPrefix(while: \.isWhitespace)
        guard source.isEmpty || DataURI.isDataURI(String(source)) else { return String(source) }
        let real = lazySources.compactMap { image.attributes[$0] }
            .first { !$0.allSatisfy(\.isWhitespace) && !DataURI.isDataURI($0) }
        return real ?? String(source)
    }

    /// The one image a link holds and nothing else (whitespace aside).
    static func soleImage(of link: HTMLElement) -> HTMLElement? {
        let content = link.children.filter { !$0.isWhitespaceText }
        guard content.count == 1, let only = content.first?.element, only.name == "img" else { return nil }
        return only
    }

    /// Whether an address names a picture file by its extension.
    static func isImageFile(_ href: String) -> Bool {
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
