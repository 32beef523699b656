import Foundation

/// What a `data:` image of an article becomes: a picture stored in the book, nothing (a spacer or tracking
/// pixel), or a placeholder with the reason it could not be kept.
enum DataImage: Sendable, Equatable {
    case picture(BookImage)
    case pixel
    case unusable(reason: String)

    /// Raster types every reading system must show (EPUB 3.3 core media types). SVG is a core type too,
    /// but would have to be checked as a document (scripts, external references): it is not embedded.
    static let embeddedTypes: Set<String> = ["image/png", "image/jpeg", "image/gif", "image/webp"]

    /// Decodes and sniffs one `data:` URI.
    static func decode(_ uri: String) -> DataImage {
        guard let bytes = DataURI.bytes(of: uri), !bytes.isEmpty else { return .unusable(reason: "cannot be decoded") }
        guard let kind = ImageSniffer.sniff(bytes) else { return .unusable(reason: "is not a known image type") }
        guard embeddedTypes.contains(kind.mediaType) else { return .unusable(reason: "is SVG, which is not embedded") }
        if let width = kind.width, let height = kind.height, width <= 1 || height <= 1 { return .pixel }
        let digest = SHA256.hash(bytes).prefix(16).map { byte in
            String(byte >> 4, radix: 16) + String(byte & 0x0F, radix: 16)
        }.joined()
        return .picture(BookImage(name: digest + "." + kind.fileExtension, mediaType: kind.mediaType, data: Data(bytes)))
    }

    /// Every distinct `data:` image source under `nodes`, decoded once.
    static func decodeAll(in nodes: [HTMLNode]) -> [String: DataImage] {
        var found: [String: DataImage] = [:]
        func visit(_ nodes: [HTMLNode]) {
            for case .element(let element) in nodes {
                if element.name == "img", let source = element.attributes["src"], DataURI.isDataURI(source),
                   found[source] == nil {
                    found[source] = decode(source)
                }
                visit(element.children)
            }
        }
        visit(nodes)
        return found
    }
}
