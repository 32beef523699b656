import CLibVips
import Foundation

/// One libvips image, released when the value goes: the only type that talks to libvips.
///
/// libvips is started once per process before any other use (parallel first use crashes it); its error buffer is
/// shared by every thread, so it is read and cleared at once.
final class Raster {
    private var image: UnsafeMutablePointer<VipsImage>

    private init(image: UnsafeMutablePointer<VipsImage>) { self.image = image }

    private convenience init(_ make: (inout UnsafeMutablePointer<VipsImage>?) -> Int32) throws {
        try Self.started.get()
        var out: UnsafeMutablePointer<VipsImage>?
        guard make(&out) == 0, let out else { throw Self.failure("cannot draw the image") }
        self.init(image: out)
    }

    deinit { sheaf_vips_release(image) }

    /// A one-band canvas of one grey level (0 black … 255 white).
    convenience init(width: Int, height: Int, level: UInt8) throws {
        try self.init(GreyPixels(width: width, height: height, level: level))
    }

    /// A one-band image of a copy of these pixels.
    convenience init(_ pixels: GreyPixels) throws {
        try self.init { out in
            pixels.bytes.withUnsafeBytes {
                sheaf_vips_from_pixels(&out, $0.baseAddress, Int32(pixels.width), Int32(pixels.height))
            }
        }
    }

    var width: Int { Int(sheaf_vips_width(image)) }
    var height: Int { Int(sheaf_vips_height(image)) }
    var hasAlpha: Bool { sheaf_vips_has_alpha(image) != 0 }

    /// A one-band 8-bit image's pixels, e.g. a text mask's ink.
    func greyPixels() throws -> GreyPixels {
        var length = 0
        guard let block = sheaf_vips_pixels(image, &length) else { throw Self.failure("cannot read the image") }
        defer { sheaf_vips_free(block) }
        guard length == width * height else { throw Self.failure("not a one-band 8-bit image") }
        return GreyPixels(width: width, height: height, bytes: [UInt8](UnsafeRawBufferPointer(start: block, count: length)))
    }

    /// Baseline JPEG without metadata: the same pixels always give the same bytes. `optimize` (Huffman tables fitted
    /// to the image) costs a second pass and saves what deflating the entry would mostly save anyway on flat
    /// pictures like covers, but not on photographs.
    func jpeg(quality: Int, optimize: Bool = true) throws -> Data {
        try encoded { sheaf_vips_jpeg(image, &$0, &$1, Int32(quality), optimize ? 1 : 0) }
    }

    /// A one-band image's pixels, decoded strictly: a decoder's warning (a corrupt JPEG segment…) is an error.
    static func greyPixels(decodingStrictly encoded: Data) throws -> GreyPixels {
        try started.get()
        // libvips reads the bytes lazily, up to the last pixel: they are decoded inside.
        return try encoded.withUnsafeBytes { bytes in
            try Raster { sheaf_vips_decode_strict(bytes.baseAddress, bytes.count, &$0) }.greyPixels()
        }
    }

    /// PNG without metadata.
    func png() throws -> Data {
        try encoded { sheaf_vips_png(image, &$0, &$1) }
    }

    /// An encoded image (any format libvips reads) shrunk to fit width × height (never enlarged) and saved
    /// by `save` — inside one call because libvips reads the encoded bytes lazily, up to the save.
    /// With `flatten`, alpha is flattened on white (JPEG has none).
    static func fitting(_ encoded: Data, width: Int, height: Int, flatten: Bool,
                        save: (Raster) throws -> Data) throws -> Data {
        try started.get()
        return try encoded.withUnsafeBytes { bytes in
            let fitted = try Raster { out in
                flatten ? sheaf_vips_thumbnail(bytes.baseAddress, bytes.count, &out, Int32(width), Int32(height))
                    : sheaf_vips_fit(bytes.baseAddress, bytes.count, &out, Int32(width), Int32(height))
            }
            return try save(fitted)
        }
    }

    // MARK: - libvips

    private func encoded(_ save: (inout UnsafeMutableRawPointer?, inout Int) -> Int32) throws -> Data {
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        guard save(&buffer, &length) == 0, let buffer else { throw Self.failure("cannot encode the image") }
        defer { sheaf_vips_free(buffer) }
        return Data(bytes: buffer, count: length)
    }

    private static let started: Result<Void, SheafError> = sheaf_vips_init() == 0
        ? .success(()) : .failure(failure("cannot start libvips"))

    private static func failure(_ what: String) -> SheafError {
        let detail = String(cString: vips_error_buffer()).trimmingCharacters(in: .whitespacesAndNewlines)
        vips_error_clear()
        let firstLine = detail.split(separator: "\n").first.map(String.init) ?? ""
        return SheafError(stage: .assemble, firstLine.isEmpty ? what : "\(what): \(firstLine)")
    }
}
