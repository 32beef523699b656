/// Deletes images that are not part of the article: QR codes of the mirror address and tracking pixels.
struct RemoveNonContentImages: HTMLRewriter {
    func rewrite(_ nodes: [HTMLNode]) -> [HTMLNode] {
        nodes.rewritingElements { element in
            element.name == "img" && (Self.isQRCode(element) || Self.isTrackingPixel(element)) ? [] : [.element(element)]
        }
    }

    /// The mirror's share block puts `<id>.md.png` QR codes beside articles; others say so in alt or src.
    static func isQRCode(_ image: HTMLElement) -> Bool {
        let source = image.attributes["src"] ?? ""
        let path = source.split(separator: "?", maxSplits: 1).first.map(String.init) ?? source
        if path.lowercased().hasSuffix(".md.png") { return true }
        let words = (source + " " + (image.attributes["alt"] ?? "")).lowercased()
        return words.includes("二维码") || words.includes("二維碼") || words.includes("qrcode")
    }

    /// An image drawn at most one pixel wide or high exists only to be fetched.
    static func isTrackingPixel(_ image: HTMLElement) -> Bool {
        let sizes = [image.attributes["width"], image.attributes["height"]].compactMap { $0 }
            + styleSizes(image.attributes["style"] ?? "")
        return sizes.contains { value in
            let digits = value.trimmingPrefix(while: \.isWhitespace).prefix { $0.isASCII && $0.isNumber }
            guard let number = Int(digits) else { return false }
            return number <= 1
        }
    }

    /// The values of `width:` and `height:` in an inline style.
    private static func styleSizes(_ style: String) -> [String] {
        style.lowercased().split(separator: ";").compactMap { declaration in
            let parts = declaration.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            let property = parts[0].trimmingPrefix(while: \.isWhitespace)
            return property.hasPrefix("width") || property.hasPrefix("height") ? String(parts[1]) : nil
        }
    }
}
