import Foundation

/// Every book's cover: the user's image, made a JPEG once per build, or one drawn from the book's names.
enum BookCover {
    /// Manifest id of the cover image (what EPUB 2's `<meta name="cover">` names).
    static let imageID = "cover-image"
    /// Beside the chapter images, whose names are content hashes, so it cannot clash with one.
    static let imageHref = BookImage.folder + "/cover.jpg"

    /// The user's cover file as a JPEG of at most 1600×2400, whatever format libvips reads it in.
    static func read(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SheafError(stage: .read, file: path, "cannot read the cover image")
        }
        do {
            return try CoverRenderer.normalized(data)
        } catch {
            throw SheafError(stage: .read, file: path, (error as? SheafError)?.reason ?? "\(error)")
        }
    }

    /// The generated cover: the volume's title, date range and collection.
    static func generated(for volume: Volume) throws -> Data {
        try CoverRenderer.render(title: volume.title, dates: PageContext.coverDates(volume),
                                 collection: volume.collection)
    }
}
