import Foundation

/// Draws book covers.
///
/// A generated cover is a 1600×2400 greyscale JPEG: the collection's name reversed out of a black band at the top,
/// the title large in the middle, the date range below, all in Noto Sans CJK so every script shows, black on white
/// so it stays readable as a grey thumbnail. The same text always gives the same bytes.
enum CoverRenderer {
    static let width = 1600
    static let height = 2400
    /// A user's cover keeps this JPEG quality.
    static let quality = 85
    /// A generated cover is large lettering on flat paper: at 65 its edges stay clean (checked at 2× zoom), and
    /// the file, stored as it is, is about the size a cover at 85 took deflated (by week: 63 KB against 56 KB,
    /// 28.27 MB of books against 27.55 MB) without the 0.3 s of CPU deflating 282 covers took.
    static let generatedQuality = 65
    static let font = "Noto Sans CJK SC"

    /// The generated cover for a book.
    static func render(title: String, dates: String?, collection: String) throws -> Data {
        var cover = GreyPixels(width: width, height: height, level: 255)
        let band = 420, margin = 120, textWidth = width - 2 * margin
        cover.fillRows(0, count: band, level: 0)
        let name = try TextMask.render("<b>\(escaped(collection))</b>", family: font, pixels: 84, width: textWidth,
                                       fit: band - 120)
        cover.stamp(name, x: (width - name.width) / 2, y: (band - name.height) / 2, ink: 255)
        // A fixed large size keeps short titles on one line; a long one shrinks to fit the box.
        let box = 1100
        let heading = try TextMask.render("<b>\(escaped(title))</b>", family: font, pixels: 200, width: textWidth, fit: box)
        cover.stamp(heading, x: (width - heading.width) / 2, y: band + 160 + (box - heading.height) / 2, ink: 0)
        if let dates, !dates.isEmpty {
            let line = try TextMask.render(escaped(dates), family: font, pixels: 90, width: textWidth, fit: 300)
            cover.stamp(line, x: (width - line.width) / 2, y: height - 320 - line.height / 2, ink: 0)
        }
        // Most of a cover is flat: its blocks need no transform (`GreyJPEG`).
        return Data(GreyJPEG.encode(cover, quality: generatedQuality))
    }

    /// The user's cover in any format libvips reads, as a JPEG no larger than a generated cover.
    static func normalized(_ image: Data) throws -> Data {
        do {
            return try Raster.fitting(image, width: width, height: height, flatten: true) { try $0.jpeg(quality: quality) }
        } catch {
            throw SheafError(stage: .read, "cannot read the cover image: \((error as? SheafError)?.reason ?? "\(error)")")
        }
    }

    /// Pango markup's escapes are XML's.
    private static func escaped(_ text: String) -> String { XMLText.escaped(text) }
}
