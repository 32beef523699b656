import Foundation

/// An image carried inside the book, named by its content so that one picture is stored once per book.
public struct BookImage: Sendable, Hashable, Codable {
    /// File name inside the images folder (`3f2a…c1.png`): a content hash and the sniffed type's extension.
    public var name: String
    /// The media type sniffed from the bytes (`image/png`), never the one the source declared.
    public var mediaType: String
    public var data: Data

    public init(name: String, mediaType: String, data: Data) {
        self.name = name
        self.mediaType = mediaType
        self.data = data
    }

    /// The folder holding images, beside the text folder under the package document.
    public static let folder = "images"

    /// Path relative to the package document (`images/3f2a….png`).
    public var href: String { Self.folder + "/" + name }

    /// How a chapter page (one folder down) refers to the image.
    public var chapterSource: String { "../" + href }
}
