import Foundation

/// Makes an article's image fit for an e-reader: formats readers cannot show (WebP, BMP, TIFF) converted,
/// pictures larger than a screen shrunk, heavy JPEGs recompressed; the rest left byte for byte.
///
/// Converted pictures keep their kind: photographs (JPEG, WebP without alpha, BMP, TIFF) become JPEG, drawings
/// and anything with transparency (PNG, GIF, alpha) become PNG. libvips shrinks while decoding, so memory
/// follows the output size, not the source's.
struct ImagePreparation: Sendable {
    /// Longest side, in pixels, of an embedded picture.
    var maxSide = 1600
    var jpegQuality = 80
    /// A JPEG above this many bytes is recompressed (and kept only when that makes it smaller).
    var recompressAbove = 300_000
    /// Types the target reader shows as they are; others are converted.
    var shownTypes = ImagePreparation.readerTypes

    /// Types every reader shows as they are.
    static let readerTypes: Set<String> = ["image/png", "image/jpeg", "image/gif"]

    /// The bytes to store and their kind; throws when the bytes cannot be decoded as an image.
    func prepared(_ bytes: [UInt8], kind: ImageSniffer.Kind) throws -> (data: Data, kind: ImageSniffer.Kind) {
        let convert = !shownTypes.contains(kind.mediaType)
        let tooLarge = max(kind.width ?? 0, kind.height ?? 0) > maxSide || kind.width == nil
        let heavy = kind.mediaType == "image/jpeg" && bytes.count > recompressAbove
        guard convert || tooLarge || heavy else { return (Data(bytes), kind) }
        let drawing = ["image/png", "image/gif"].contains(kind.mediaType)
        var asPNG = false
        let data = try Raster.fitting(Data(bytes), width: maxSide, height: maxSide, flatten: false) { raster in
            asPNG = drawing || raster.hasAlpha
            return try asPNG ? raster.png() : raster.jpeg(quality: jpegQuality)
        }
        if !convert, !tooLarge, data.count >= bytes.count { return (Data(bytes), kind) }
        guard let result = ImageSniffer.sniff([UInt8](data)) else {
            throw SheafError(stage: .normalize, "the converted image is not \(asPNG ? "a PNG" : "a JPEG")")
        }
        return (data, result)
    }
}
