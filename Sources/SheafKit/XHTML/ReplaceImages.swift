/// Makes every image offline: a `data:` picture becomes an image stored in the book, any other image a
/// visible placeholder with its description and a link to the original.
///
/// `<img alt="x" src="/a.jpg">` becomes `<span class="image-missing">［<a href="https://site/a.jpg">图片</a>：x］</span>`
/// (wording by language): short, the word itself the link to the original, so that a chapter of many pictures
/// still reads as an article on a small screen. The alt text is left out when the caption that follows the
/// picture says it already. A thumbnail wrapped in a link to its
/// full-size picture is one image: the placeholder links to the full-size picture.
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
        replacing(nodes, insideLink: false, following: { _ in "" })
    }

    /// `following` gives the text after these nodes, up to a number of characters (read only at a picture).
    private func replacing(_ nodes: [HTMLNode], insideLink: Bool, following: (Int) -> String) -> [HTMLNode] {
        var result: [HTMLNode] = []
        result.reserveCapacity(nodes.count)
        for index in nodes.indices {
            result += replaced(nodes[index], insideLink: insideLink,
                               following: { Self.text(of: nodes[(index + 1)...], limit: $0, then: following) })
        }
        return result
    }

    private func replaced(_ node: HTMLNode, insideLink: Bool, following: (Int) -> String) -> [HTMLNode] {
        guard let element = node.element else { return [node] }
        if element.name == "img" { return image(element, fullSize: nil, insideLink: insideLink, caption: following) }
        if element.name == "a", let href = element.attributes["href"], Self.isImageFile(href),
           let thumbnail = Self.soleImage(of: element) {
            return image(thumbnail, fullSize: href, insideLink: insideLink, caption: following)
        }
        let inside = insideLink || element.name == "a"
        return [.element(element.with(children: replacing(element.children, insideLink: inside, following: following)))]
    }

    /// The stored picture, a placeholder, or nothing for a pixel or an image with nothing to show.
    /// Inside another link the placeholder carries no link of its own: links may not nest. `caption` gives the
    /// text that follows the picture: an alt text it repeats is not shown twice.
    func image(_ image: HTMLElement, fullSize: String?, insideLink: Bool = false,
               caption: (Int) -> String = { _ in "" }) -> [HTMLNode] {
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
        let shown = alt.isEmpty || Self.caption(caption(alt.unicodeScalars.count + Self.captionReach + 8), repeats: alt) ? "" : alt
        return [.element("span", ["class": Self.placeholderClass], placeholder(alt: shown, link: link))]
    }

    /// `［图片：alt］`, the word a link to the original when there is one.
    func placeholder(alt: String, link: String?) -> [HTMLNode] {
        let chinese = language.lowercased().hasPrefix("zh")
        let (open, word, separator, close) = chinese ? ("［", "图片", "：", "］") : ("[", "Image", ": ", "]")
        let rest = (alt.isEmpty ? "" : separator + alt) + close
        guard let link else { return [.text(open + word + rest)] }
        return [.text(open), .element("a", ["href": link], [.text(word)]), .text(rest)]
    }

    /// How far past the picture its caption may start and still count as repeating the alt text (characters).
    static let captionReach = 40
    /// A caption that starts with this many characters of the alt text says it already (a caption is often
    /// the alt text edited: a word cut, a source added).
    static let sharedStart = 10

    /// Whether the text after a picture repeats its alt text: holds it near its start, or starts like it.
    static func caption(_ following: String, repeats alt: String) -> Bool {
        let isEdge = { (character: Character) in character.isWhitespace || character.isPunctuation }
        let caption = collapsed(following).drop(while: isEdge)
        // Quotes around the alt text (`'图1：…'`) are not words the caption would repeat.
        let alt = String(alt.drop(while: isEdge).reversed().drop(while: isEdge).reversed())
        guard !alt.isEmpty else { return true }
        if caption.prefix(alt.count + captionReach).contains(alt) { return true }
        let shared = zip(caption, alt).prefix { $0 == $1 }.count
        return shared >= min(sharedStart, alt.count)
    }

    /// The text of `nodes`, then what `following` gives, until `limit` characters (scalars, whitespace not
    /// counted: the caption check reads the text with its whitespace collapsed) are gathered.
    private static func text(of nodes: ArraySlice<HTMLNode>, limit: Int, then following: (Int) -> String) -> String {
        var text = ""
        var count = 0
        func visit(_ node: HTMLNode) -> Bool {
            switch node {
            case .text(let run):
                // Only as much of a long paragraph as the limit asks for: the check reads the caption's start.
                let scalars = run.unicodeScalars
                var end = scalars.startIndex
                while end < scalars.endIndex, count < limit {
                    if !scalars[end].isWhitespace { count += 1 }
                    end = scalars.index(after: end)
                }
                text += end == scalars.endIndex ? run : String(scalars[..<end])
                return count >= limit
            case .element(let element):
                return element.children.contains(where: visit)
            }
        }
        guard !nodes.contains(where: visit) else { return text }
        return text + " " + following(limit - count)
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

    /// `text` with each run of whitespace one space, none at its ends.
    private static func collapsed(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }
}

extension HTMLNode {
    /// Text made only of whitespace.
    var isWhitespaceText: Bool {
        guard case .text(let text) = self else { return false }
        // Bytes first: most text starts with an ASCII letter or is ASCII spaces and line ends; the first byte
        // beyond ASCII hands the question to the characters.
        for byte in text.utf8 {
            switch byte {
            case 0x09...0x0D, 0x20: continue
            case 0..<0x80: return false
            default:
                // What `Character.isWhitespace` reads is a character's first scalar: the first scalar that is not
                // whitespace answers, unless it extends the character before it.
                guard let first = text.unicodeScalars.first(where: { !$0.isWhitespace }) else { return true }
                return first.properties.isGraphemeExtend && text.allSatisfy(\.isWhitespace)
            }
        }
        return true
    }
}
