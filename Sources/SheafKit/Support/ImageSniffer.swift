import Foundation

/// Recognizes the core image types of EPUB by their bytes and reads their pixel size from the header.
///
/// The header is also the check: a file whose header is cut short is not recognized.
enum ImageSniffer {
    /// What the bytes are.
    struct Kind: Sendable, Equatable {
        var mediaType: String
        var fileExtension: String
        /// Pixel size; nil for SVG, which has none of its own, and TIFF, whose size the decoder reads.
        var width: Int?
        var height: Int?
    }

    static func sniff(_ bytes: [UInt8]) -> Kind? {
        png(bytes) ?? gif(bytes) ?? jpeg(bytes) ?? webp(bytes) ?? bmp(bytes) ?? tiff(bytes) ?? svg(bytes)
    }

    /// BMP: "BM", then the size in the BITMAPINFOHEADER (height negative for top-down rows).
    private static func bmp(_ b: [UInt8]) -> Kind? {
        guard b.count >= 26, b.starts(with: "BM".utf8), littleEndian(b, 14, 4) >= 12 else { return nil }
        let height = Int32(truncatingIfNeeded: littleEndian(b, 22, 4))
        return Kind(mediaType: "image/bmp", fileExtension: "bmp", width: littleEndian(b, 18, 4),
                    height: Int(height.magnitude))
    }

    /// TIFF: byte order mark and 42; its size lies in a tag directory, left to the decoder.
    private static func tiff(_ b: [UInt8]) -> Kind? {
        guard b.count >= 8, b.starts(with: [0x49, 0x49, 0x2A, 0x00]) || b.starts(with: [0x4D, 0x4D, 0x00, 0x2A])
        else { return nil }
        return Kind(mediaType: "image/tiff", fileExtension: "tif", width: nil, height: nil)
    }

    // MARK: - Raster types

    private static func png(_ b: [UInt8]) -> Kind? {
        guard b.count >= 24, b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
              b[12..<16].elementsEqual("IHDR".utf8) else { return nil }
        return Kind(mediaType: "image/png", fileExtension: "png", width: bigEndian(b, 16, 4), height: bigEndian(b, 20, 4))
    }

    private static func gif(_ b: [UInt8]) -> Kind? {
        guard b.count >= 13, b.starts(with: "GIF87a".utf8) || b.starts(with: "GIF89a".utf8) else { return nil }
        return Kind(mediaType: "image/gif", fileExtension: "gif",
                    width: Int(b[6]) | Int(b[7]) << 8, height: Int(b[8]) | Int(b[9]) << 8)
    }

    /// Walks the marker segments up to the frame header (SOFn), which holds the size.
    private static func jpeg(_ b: [UInt8]) -> Kind? {
        guard b.count >= 4, b.starts(with: [0xFF, 0xD8, 0xFF]) else { return nil }
        var offset = 2
        while offset + 9 < b.count {
            guard b[offset] == 0xFF else { return nil }
            let marker = b[offset + 1]
            if marker == 0xFF { offset += 1; continue }
            let length = bigEndian(b, offset + 2, 2)
            if (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker) {
                return Kind(mediaType: "image/jpeg", fileExtension: "jpg",
                            width: bigEndian(b, offset + 7, 2), height: bigEndian(b, offset + 5, 2))
            }
            guard length >= 2 else { return nil }
            offset += 2 + length
        }
        return nil
    }

    /// `RIFF….WEBP` with a lossy (`VP8 `), lossless (`VP8L`) or extended (`VP8X`) first chunk.
    private static func webp(_ b: [UInt8]) -> Kind? {
        guard b.count >= 30, b.starts(with: "RIFF".utf8), b[8..<12].elementsEqual("WEBP".utf8) else { return nil }
        let kind = { (width: Int, height: Int) in
            Kind(mediaType: "image/webp", fileExtension: "webp", width: width, height: height)
        }
        switch String(decoding: b[12..<16], as: UTF8.self) {
        case "VP8X": return kind(littleEndian(b, 24, 3) + 1, littleEndian(b, 27, 3) + 1)
        case "VP8L":
            let bits = littleEndian(b, 21, 4)
            return kind((bits & 0x3FFF) + 1, (bits >> 14 & 0x3FFF) + 1)
        case "VP8 ":
            guard b[23..<26].elementsEqual([0x9D, 0x01, 0x2A]) else { return nil }
            return kind(littleEndian(b, 26, 2) & 0x3FFF, littleEndian(b, 28, 2) & 0x3FFF)
        default: return nil
        }
    }

    // MARK: - SVG

    /// Text whose first element is `<svg`, after an optional BOM, XML declaration, comments and doctype.
    private static func svg(_ b: [UInt8]) -> Kind? {
        let head = String(decoding: b.prefix(4096), as: UTF8.self)
        guard let start = head.range(of: "<svg") else { return nil }
        let before = head[..<start.lowerBound]
        let prolog = before.replacingOccurrences(of: #"<\?[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>"#,
                                                 with: "", options: .regularExpression)
        guard prolog.allSatisfy({ $0.isWhitespace || $0 == "\u{FEFF}" }) else { return nil }
        return Kind(mediaType: "image/svg+xml", fileExtension: "svg", width: nil, height: nil)
    }

    // MARK: - Numbers

    private static func bigEndian(_ b: [UInt8], _ offset: Int, _ count: Int) -> Int {
        b[offset..<offset + count].reduce(0) { $0 << 8 | Int($1) }
    }

    private static func littleEndian(_ b: [UInt8], _ offset: Int, _ count: Int) -> Int {
        b[offset..<offset + count].reversed().reduce(0) { $0 << 8 | Int($1) }
    }
}
