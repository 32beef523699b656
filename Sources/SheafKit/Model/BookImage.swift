import Foundation

/// An image carried inside the book, named by its content so that one picture is stored once per book.
struct BookImage: Sendable, Hashable, Codable {
    /// File name inside the images folder (`3f2a…c1.png`): a content hash and the sniffed type's extension.
    var name: String
    /// The media type sniffed from the bytes (`image/png`), never the one the source declared.
    var mediaType: String
    var data: Data

    init(name: String, mediaType: String, data: Data) {
        self.name = name
        self.mediaType = mediaType
        self.data = data
    }

    /// The folder holding images, beside the text folder under the package document.
    static let folder = "images"

    /// Path relative to the package document (`images/3f2a….png`).
    var href: String { Self.folder + "/" + name }

    /// How a chapter page (one folder down) refers to the image.
    var chapterSource: String { "../" + href }
}
