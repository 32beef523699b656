/// Turns videos, audio and embedded frames, which no e-reader plays offline, into a visible placeholder with a
/// link to the original, as `ReplaceImages` does for pictures: an article that is only a video keeps a chapter
/// that says so.
///
/// `<video><source src="/v.mp4"></video>` becomes `<span class="media-missing">［视频］ <a href="https://site/v.mp4">…</a></span>`
/// (wording by language). Runs before `RemoveFurniture`, which still removes hidden, advertising and tracking
/// frames, and the fallback text inside (“Your browser does not support the video tag”) goes with the element.
struct ReplaceMedia: HTMLRewriter {
    /// The class of the placeholder, styled by the book's CSS.
    static let placeholderClass = "media-missing"

    /// What a media element is, which chooses its wording.
    enum Kind {
        case video, audio, frame
    }

    var language: String
    var resolver: LinkResolver

    init(language: String, source: String? = nil) {
        self.language = language
        resolver = LinkResolver(source: source)
    }

    func rewrite(_ nodes: [HTMLNode]) -> [HTMLNode] {
        nodes.rewritingElements { element in
            guard let kind = Self.kind(of: element), !Self.isConcealed(element) else { return [.element(element)] }
            return [placeholder(kind, element)]
        }
    }

    /// The placeholder: the wording, the element's title if any, and a link to the first web address it names.
    func placeholder(_ kind: Kind, _ element: HTMLElement) -> HTMLNode {
        let title = (element.attributes["title"] ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var content: [HTMLNode] = [.text(wording(kind, title: title))]
        if let link = Self.addresses(of: element).lazy.compactMap(resolver.resolve).first(where: Self.isWebLink) {
            content += [.text(" "), .element("a", ["href": link], [.text(link)])]
        }
        return .element("span", ["class": Self.placeholderClass], content)
    }

    /// `［视频］`, `［音频：title］`, `［嵌入内容］` for Chinese books; `[Video]`, `[Audio: title]`, `[Embedded content]`
    /// otherwise.
    func wording(_ kind: Kind, title: String) -> String {
        let chinese = language.lowercased().hasPrefix("zh")
        let name: String
        switch kind {
        case .video: name = chinese ? "视频" : "Video"
        case .audio: name = chinese ? "音频" : "Audio"
        case .frame: name = chinese ? "嵌入内容" : "Embedded content"
        }
        if chinese { return title.isEmpty ? "［\(name)］" : "［\(name)：\(title)］" }
        return title.isEmpty ? "[\(name)]" : "[\(name): \(title)]"
    }

    // MARK: - Shapes

    static func kind(of element: HTMLElement) -> Kind? {
        switch element.name {
        case "video": .video
        case "audio": .audio
        case "iframe": .frame
        default: nil
        }
    }

    /// Where the media lives, best first: `src`, the `<source>` children's, then a video's `poster`.
    static func addresses(of element: HTMLElement) -> [String] {
        let sources = element.children.compactMap { node -> String? in
            guard let child = node.element, child.name == "source" else { return nil }
            return child.attributes["src"]
        }
        return ([element.attributes["src"]] + sources + [element.attributes["poster"]]).compactMap { $0 }
    }

    /// Links a reader can follow to the original: `mailto:` is no place for a video.
    static func isWebLink(_ link: String) -> Bool {
        let scheme = LinkResolver.scheme(of: link)
        return scheme == "http" || scheme == "https"
    }

    /// Hidden, advertising or a tracking pixel's frame (at most 1 × 1): furniture, not content.
    static func isConcealed(_ element: HTMLElement) -> Bool {
        if RemoveFurniture.isConcealed(element) { return true }
        let tiny = { (name: String) in element.attributes[name].flatMap { Int($0.trimmed) }.map { $0 <= 1 } ?? false }
        return element.name == "iframe" && tiny("width") && tiny("height")
    }
}
