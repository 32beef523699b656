import CLibVips
import Foundation

/// One libvips image, released when the value goes: the only type that talks to libvips.
///
/// libvips is loaded and started once per process, when an image first needs it and before any other use (parallel
/// first use crashes it); its error buffer is shared by every thread, so it is read and cleared at once.
final class Raster {
    private let image: OpaquePointer
    private let vips: UnsafePointer<SheafVips>

    private init(image: OpaquePointer, vips: UnsafePointer<SheafVips>) { (self.image, self.vips) = (image, vips) }

    private convenience init(_ make: (UnsafePointer<SheafVips>, inout OpaquePointer?) -> Int32) throws {
        let vips = try Self.library.get().table
        var out: OpaquePointer?
        guard make(vips, &out) == 0, let out else { throw Self.failure("cannot draw the image", vips) }
        self.init(image: out, vips: vips)
    }

    deinit { sheaf_vips_release(vips, image) }

    /// A one-band canvas of one grey level (0 black … 255 white).
    convenience init(width: Int, height: Int, level: UInt8) throws {
        try self.init(GreyPixels(width: width, height: height, level: level))
    }

    /// A one-band image of a copy of these pixels.
    convenience init(_ pixels: GreyPixels) throws {
        try self.init { vips, out in
            pixels.bytes.withUnsafeBytes {
                sheaf_vips_from_pixels(vips, &out, $0.baseAddress, Int32(pixels.width), Int32(pixels.height))
            }
        }
    }

    var width: Int { Int(sheaf_vips_width(vips, image)) }
    var height: Int { Int(sheaf_vips_height(vips, image)) }
    var hasAlpha: Bool { sheaf_vips_has_alpha(vips, image) != 0 }

    /// A one-band 8-bit image's pixels, e.g. a text mask's ink.
    func greyPixels() throws -> GreyPixels {
        var length = 0
        guard let block = sheaf_vips_pixels(vips, image, &length) else { throw Self.failure("cannot read the image", vips) }
        defer { sheaf_vips_free(vips, block) }
        guard length == width * height else { throw Self.failure("not a one-band 8-bit image", vips) }
        return GreyPixels(width: width, height: height, bytes: [UInt8](UnsafeRawBufferPointer(start: block, count: length)))
    }

    /// Baseline JPEG without metadata: the same pixels always give the same bytes. `optimize` (Huffman tables fitted
    /// to the image) costs a second pass and saves what deflating the entry would mostly save anyway on flat
    /// pictures like covers, but not on photographs.
    func jpeg(quality: Int, optimize: Bool = true) throws -> Data {
        try encoded { sheaf_vips_jpeg(vips, image, &$0, &$1, Int32(quality), optimize ? 1 : 0) }
    }

    /// A one-band image's pixels, decoded strictly: a decoder's warning (a corrupt JPEG segment…) is an error.
    static func greyPixels(decodingStrictly encoded: Data) throws -> GreyPixels {
        // libvips reads the bytes lazily, up to the last pixel: they are decoded inside.
        try encoded.withUnsafeBytes { bytes in
            try Raster { sheaf_vips_decode_strict($0, bytes.baseAddress, bytes.count, &$1) }.greyPixels()
        }
    }

    /// PNG without metadata.
    func png() throws -> Data {
        try encoded { sheaf_vips_png(vips, image, &$0, &$1) }
    }

    /// An encoded image (any format libvips reads) shrunk to fit width × height (never enlarged) and saved
    /// by `save` — inside one call because libvips reads the encoded bytes lazily, up to the save.
    /// With `flatten`, alpha is flattened on white (JPEG has none).
    static func fitting(_ encoded: Data, width: Int, height: Int, flatten: Bool,
                        save: (Raster) throws -> Data) throws -> Data {
        try encoded.withUnsafeBytes { bytes in
            let fitted = try Raster { vips, out in
                flatten ? sheaf_vips_thumbnail(vips, bytes.baseAddress, bytes.count, &out, Int32(width), Int32(height))
                    : sheaf_vips_fit(vips, bytes.baseAddress, bytes.count, &out, Int32(width), Int32(height))
            }
            return try save(fitted)
        }
    }

    // MARK: - libvips

    private func encoded(_ save: (inout UnsafeMutableRawPointer?, inout Int) -> Int32) throws -> Data {
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        guard save(&buffer, &length) == 0, let buffer else { throw Self.failure("cannot encode the image", vips) }
        defer { sheaf_vips_free(vips, buffer) }
        return Data(bytes: buffer, count: length)
    }

    /// libvips' functions, loaded and started on first use (once: a `static let` is made once, under a lock).
    private static let library: Result<Functions, SheafError> = {
        let vips = UnsafeMutablePointer<SheafVips>.allocate(capacity: 1)
        if let missing = sheaf_vips_load(vips) {
            let reason = String(cString: sheaf_vips_load_error())
            return .failure(SheafError(stage: .assemble, "cannot load libvips (\(String(cString: missing)))"
                                       + (reason.isEmpty ? "" : ": \(reason)") + "; install libvips (apt-get install libvips42)"))
        }
        return sheaf_vips_init(vips) == 0 ? .success(Functions(table: vips)) : .failure(failure("cannot start libvips", vips))
    }()

    /// The table of libvips' functions: written once, when loaded, and only read after.
    private struct Functions: @unchecked Sendable {
        let table: UnsafePointer<SheafVips>
    }

    private static func failure(_ what: String, _ vips: UnsafePointer<SheafVips>) -> SheafError {
        let detail = String(cString: sheaf_vips_error_buffer(vips)).trimmingCharacters(in: .whitespacesAndNewlines)
        sheaf_vips_error_clear(vips)
        let firstLine = detail.split(separator: "\n").first.map(String.init) ?? ""
        return SheafError(stage: .assemble, firstLine.isEmpty ? what : "\(what): \(firstLine)")
    }
}
