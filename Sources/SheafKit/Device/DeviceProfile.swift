/// What a book is made for: the reader's screen, the image formats it shows, how its files are named, the
/// size it accepts and the markup it wants. Every profile keeps the NCX and passes EPUBCheck.
public struct DeviceProfile: Sendable, Equatable {
    /// The readers Sheaf knows, as `--device` names them.
    public enum Device: String, Sendable, CaseIterable, Codable {
        case generic, kindle, kobo, koreader, apple
    }

    /// The reader this profile is for.
    public var device: Device
    /// Longest side, in pixels, of an embedded picture.
    public var maxImageSide: Int
    /// Quality of the JPEGs Sheaf writes (converted, shrunk or recompressed pictures).
    public var jpegQuality: Int
    /// Image types shown as they are; any other is converted to JPEG or PNG.
    public var shownImageTypes: Set<String>
    /// The books' file extension, without the leading dot.
    public var fileExtension: String
    /// The default cap on a book's article text (`--max-size`), which splits a larger book into parts.
    public var defaultMaxSize: Int
    /// A finished book larger than this many bytes fails with the reason (it would not be delivered); nil for none.
    public var maxBookBytes: Int?
    /// Kobo's sentence spans (`koboSpan`) and page wrappers, for its reading statistics and highlights.
    public var koboSpans: Bool
    /// Only a primary language subtag (`zh`, not `zh-Hant`): what Send-to-Kindle reliably accepts.
    public var primaryLanguageOnly: Bool

    /// The profile of `device`.
    public init(_ device: Device) {
        self.device = device
        maxImageSide = 1600
        jpegQuality = 80
        shownImageTypes = ImagePreparation.readerTypes
        fileExtension = "epub"
        defaultMaxSize = VolumeLimits.defaultMaxSize
        maxBookBytes = nil
        koboSpans = false
        primaryLanguageOnly = false
        switch device {
        case .generic:
            break
        case .kindle:
            // Send-to-Kindle by e-mail takes at most 50 MB per message; the article text cap stays well under it
            // so that images still fit, and a book that is still larger fails rather than bouncing.
            defaultMaxSize = 35_000_000
            maxBookBytes = Self.kindleMailLimit
            jpegQuality = 75
            primaryLanguageOnly = true
        case .kobo:
            // Kobo Libra and Sage screens are 1264×1680 and 1440×1920.
            fileExtension = "kepub.epub"
            koboSpans = true
        case .koreader:
            // KOReader lets readers zoom into a picture: keep more pixels.
            maxImageSide = 2000
        case .apple:
            // iPad screens are 2048 px and more on their long side; colour and detail are seen there.
            maxImageSide = 2048
            jpegQuality = 85
        }
    }

    /// The default profile.
    public static let generic = DeviceProfile(.generic)

    /// The largest e-mail Send-to-Kindle accepts: 50 MB, counted here as 50,000,000 bytes.
    public static let kindleMailLimit = 50_000_000

    /// How images are made fit for this reader.
    var imagePreparation: ImagePreparation {
        ImagePreparation(maxSide: maxImageSide, jpegQuality: jpegQuality, shownTypes: shownImageTypes)
    }

    /// A book file name (`x.epub`) with this profile's extension (`x.kepub.epub`).
    public func fileName(_ name: String) -> String {
        let stem = name.lowercased().hasSuffix(".epub") ? String(name.dropLast(".epub".count)) : name
        return stem + "." + fileExtension
    }

    /// The language tag the books declare: `zh-Hant-TW` stays as it is, or becomes `zh` for Kindle.
    public func language(_ tag: String) -> String {
        guard primaryLanguageOnly, let primary = tag.split(separator: "-").first, !primary.isEmpty else { return tag }
        return primary.lowercased()
    }

    /// One line per profile saying what it changes, for `--help` and the README.
    public static let summary = [
        "generic: EPUB 3 with an NCX; pictures at most 1600 px, JPEG quality 80; WebP, BMP, TIFF converted.",
        "kindle: as generic, JPEG quality 75; article text split at 35MB by default (--max-size), and a book "
            + "still over 50 MB (Send-to-Kindle's e-mail limit) fails; language tag cut to its primary subtag (zh).",
        "kobo: as generic, named NAME.kepub.epub, with Kobo's sentence spans (koboSpan) and page wrappers.",
        "koreader: as generic, pictures up to 2000 px (for zooming).",
        "apple: as generic, pictures up to 2048 px at JPEG quality 85 (iPad screens).",
    ].joined(separator: "\n")
}
