import Crypto
import Foundation

/// What a `data:` image of an article becomes: a picture stored in the book, nothing (a spacer or tracking
/// pixel), or a placeholder with the reason it could not be kept.
enum DataImage: Sendable, Equatable {
    case picture(BookImage)
    case pixel
    case unusable(reason: String)

    /// Raster types Sheaf embeds, those readers cannot show converted (see `ImagePreparation`). SVG would have
    /// to be checked as a document (scripts, external references): it is not embedded.
    static let embeddedTypes: Set<String> = ["image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp",
                                             "image/tiff"]

    /// Decodes and sniffs one `data:` URI.
    static func decode(_ uri: String, preparation: ImagePreparation = ImagePreparation()) -> DataImage {
        guard let bytes = DataURI.bytes(of: uri), !bytes.isEmpty else { return .unusable(reason: "cannot be decoded") }
        return decode(bytes: bytes, preparation: preparation)
    }

    /// Sniffs and prepares an image's bytes (from a `data:` URI or a local file).
    static func decode(bytes: [UInt8], preparation: ImagePreparation = ImagePreparation()) -> DataImage {
        guard let kind = ImageSniffer.sniff(bytes) else { return .unusable(reason: "is not a known image type") }
        guard embeddedTypes.contains(kind.mediaType) else { return .unusable(reason: "is SVG, which is not embedded") }
        if let width = kind.width, let height = kind.height, width <= 1 || height <= 1 { return .pixel }
        // Named after the source bytes: the same picture, however often an article repeats it, is stored once.
        let digest = SHA256.hash(data: bytes).prefix(16).map { byte in
            String(byte >> 4, radix: 16) + String(byte & 0x0F, radix: 16)
        }.joined()
        guard let (data, stored) = try? preparation.prepared(bytes, kind: kind) else {
            return .unusable(reason: "cannot be decoded as an image")
        }
        return .picture(BookImage(name: digest + "." + stored.fileExtension, mediaType: stored.mediaType, data: data))
    }

    /// Every distinct `data:` image source under `nodes`, decoded once.
    static func decodeAll(in nodes: [HTMLNode], preparation: ImagePreparation = ImagePreparation()) -> [String: DataImage] {
        var found: [String: DataImage] = [:]
        func visit(_ nodes: [HTMLNode]) {
            for case .element(let element) in nodes {
                if element.name == "img", let source = element.attributes["src"], DataURI.isDataURI(source),
                   found[source] == nil {
                    found[source] = decode(source, preparation: preparation)
                }
                visit(element.children)
            }
        }
        visit(nodes)
        return found
    }
}
