/// Deletes images that are not part of the article: the input format's furniture (the mirror's QR codes of its
/// page address), other QR codes and tracking pixels.
struct RemoveNonContentImages: HTMLRewriter {
    /// What the article's format says is its furniture.
    var policy = BodyPolicy()

    func rewrite(_ nodes: [HTMLNode]) -> [HTMLNode] {
        nodes.rewritingElements { element in
            element.name == "img" && (isFurniture(element) || Self.isTrackingPixel(element)) ? [] : [.element(element)]
        }
    }

    /// The format's furniture by the path's ending, or a QR code by its alt or src.
    func isFurniture(_ image: HTMLElement) -> Bool {
        policy.isFurniture(imageSource: image.attributes["src"] ?? "") || Self.isQRCode(image)
    }

    /// A QR code that says so in its alt or src.
    static func isQRCode(_ image: HTMLElement) -> Bool {
        let source = image.attributes["src"] ?? ""
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
