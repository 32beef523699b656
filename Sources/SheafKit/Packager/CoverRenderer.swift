import CLibVips
import Foundation

/// Draws book covers with libvips: the only file that talks to it.
///
/// A generated cover is a 1600×2400 greyscale JPEG: the collection's name reversed out of a black band at the top,
/// the title as large as fits in the middle, the date range below, all in Noto Sans CJK so every script shows, black
/// on white so it stays readable as a grey thumbnail. The same text always gives the same bytes.
enum CoverRenderer {
    static let width = 1600
    static let height = 2400
    static let quality = 85
    static let font = "Noto Sans CJK SC"

    /// The generated cover for a book.
    static func render(title: String, dates: String?, collection: String) throws -> Data {
        try initialized.get()
        let cover = try Canvas(width: width, height: height, level: 255)
        let band = 420, margin = 120
        try cover.paste(Canvas(width: width, height: band, level: 0), x: 0, y: 0)
        let name = try Canvas.text("<b>\(escaped(collection))</b>", font: font + " 84", width: width - 2 * margin,
                              fit: band - 120)
        try cover.paste(name, x: (width - name.width) / 2, y: (band - name.height) / 2)
        let titleBox = (width: width - 2 * margin, height: 1100)
        // A fixed large size keeps short titles on one line; a long one shrinks to fit the box.
        let heading = try Canvas.text("<b>\(escaped(title))</b>", font: font + " 200", width: titleBox.width,
                                      fit: titleBox.height).inverted()
        try cover.paste(heading, x: (width - heading.width) / 2, y: band + 160 + (titleBox.height - heading.height) / 2)
        if let dates, !dates.isEmpty {
            let line = try Canvas.text(escaped(dates), font: font + " 90", width: width - 2 * margin, fit: 300)
                .inverted()
            try cover.paste(line, x: (width - line.width) / 2, y: height - 320 - line.height / 2)
        }
        return try cover.jpeg(quality: quality)
    }

    /// The user's cover in any format libvips reads, as a JPEG no larger than a generated cover.
    static func normalized(_ image: Data) throws -> Data {
        try initialized.get()
        return try image.withUnsafeBytes { bytes in
            var out: UnsafeMutablePointer<VipsImage>?
            // The buffer is read lazily: the whole chain up to the saved JPEG must stay inside this closure.
            guard sheaf_vips_thumbnail(bytes.baseAddress, bytes.count, &out, Int32(width), Int32(height)) == 0,
                  let out else { throw failure("cannot read the cover image") }
            return try Canvas(image: out).jpeg(quality: quality)
        }
    }

    /// libvips started once per process, before any other use (parallel first use crashes it).
    private static let initialized: Result<Void, SheafError> = sheaf_vips_init() == 0
        ? .success(()) : .failure(failure("cannot start libvips"))

    /// Pango markup's escapes are XML's.
    private static func escaped(_ text: String) -> String { XMLText.escaped(text) }

    /// libvips' error buffer is shared by every thread: read and clear it at once.
    fileprivate static func failure(_ what: String) -> SheafError {
        let detail = String(cString: vips_error_buffer()).trimmingCharacters(in: .whitespacesAndNewlines)
        vips_error_clear()
        return SheafError(stage: .assemble, detail.isEmpty ? what : "\(what): \(detail)")
    }
}

/// One libvips image, released when the value goes.
private final class Canvas {
    private(set) var image: UnsafeMutablePointer<VipsImage>

    init(image: UnsafeMutablePointer<VipsImage>) { self.image = image }

    convenience init(width: Int, height: Int, level: Double) throws {
        try self.init { sheaf_vips_canvas(&$0, Int32(width), Int32(height), level) }
    }

    /// Text at a fixed size, shrunk to fit `fit` pixels of height when it would be taller.
    static func text(_ markup: String, font: String, width: Int, fit: Int) throws -> Canvas {
        let fixed = try Canvas { sheaf_vips_text(&$0, markup, font, Int32(width), 0, 72) }
        return fixed.height <= fit ? fixed : try Canvas(markup: markup, font: font, width: width, autofit: fit)
    }

    /// Text as large as fits in width × height.
    convenience init(markup: String, font: String, width: Int, autofit height: Int) throws {
        try self.init { sheaf_vips_text(&$0, markup, font, Int32(width), Int32(height), 0) }
    }

    private convenience init(_ make: (inout UnsafeMutablePointer<VipsImage>?) -> Int32) throws {
        var out: UnsafeMutablePointer<VipsImage>?
        guard make(&out) == 0, let out else { throw CoverRenderer.failure("cannot draw the cover") }
        self.init(image: out)
    }

    deinit { sheaf_vips_release(image) }

    var width: Int { Int(sheaf_vips_width(image)) }
    var height: Int { Int(sheaf_vips_height(image)) }

    /// White text on black becomes black on white.
    func inverted() throws -> Canvas {
        try Canvas { sheaf_vips_invert(image, &$0) }
    }

    func paste(_ other: Canvas, x: Int, y: Int) throws {
        let result = try Canvas { sheaf_vips_insert(image, other.image, &$0, Int32(x), Int32(y)) }
        swap(&image, &result.image)
    }

    func jpeg(quality: Int) throws -> Data {
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        guard sheaf_vips_jpeg(image, &buffer, &length, Int32(quality)) == 0, let buffer else {
            throw CoverRenderer.failure("cannot encode the cover")
        }
        defer { sheaf_vips_free(buffer) }
        return Data(bytes: buffer, count: length)
    }
}
