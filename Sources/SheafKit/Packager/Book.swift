import Foundation

/// One EPUB ready to write: metadata, every content file with its bytes, reading order and contents.
///
/// The package files (`container.xml`, the package document, the NCX) are not stored: they are derived from
/// these values when the book is written, so there is one source of truth.
struct Book: Sendable, Equatable, Codable {
    /// What the package document says about the book.
    struct Metadata: Sendable, Equatable, Codable {
        /// `urn:uuid:…`, derived from the volume's content.
        var identifier: String
        var title: String
        var subtitle: String?
        /// BCP 47 tag.
        var language: String
        /// Named as creator: the collection, or the authors of a book of one article.
        var creator: String
        /// Named as publisher: the collection (nil: the creator).
        var publisher: String? = nil
        /// The newest article date, if any.
        var date: ArticleDate?
        var modified: BookTimestamp
        /// The articles' original URLs, deduplicated, in reading order.
        var sources: [String]
    }

    /// A file of the book with its bytes, listed in the manifest.
    struct Resource: Sendable, Equatable, Codable {
        /// Manifest id (an XML name).
        var id: String
        /// Path relative to the package document (`text/c0001.xhtml`).
        var href: String
        var mediaType: String
        /// Manifest properties (`nav`).
        var properties: [String]
        /// The file's bytes as the book holds them until the archive copies them.
        private(set) var held: HeldBytes

        init(id: String, href: String, mediaType: String, properties: [String], contents: Data) {
            self.init(id: id, href: href, mediaType: mediaType, properties: properties, held: .plain(contents))
        }

        init(id: String, href: String, mediaType: String, properties: [String], held: HeldBytes) {
            (self.id, self.href, self.mediaType, self.properties, self.held) = (id, href, mediaType, properties, held)
        }

        /// The file's bytes (inflated again when held deflated: for checks and tests, not the writing path).
        var contents: Data {
            get { held.contents }
            set { held = .plain(newValue) }
        }

        /// The file's size in bytes, without inflating it.
        var size: Int { held.size }

        /// Path inside the archive.
        var path: String { Book.packageFolder + "/" + href }

        /// The same file, however it is held.
        static func == (left: Resource, right: Resource) -> Bool {
            left.id == right.id && left.href == right.href && left.mediaType == right.mediaType
                && left.properties == right.properties
                && (left.held == right.held || left.contents == right.contents)
        }

        // Encoded with its bytes as they are, however they are held.
        private enum CodingKeys: String, CodingKey { case id, href, mediaType, properties, contents }

        init(from decoder: any Decoder) throws {
            let values = try decoder.container(keyedBy: CodingKeys.self)
            self.init(id: try values.decode(String.self, forKey: .id), href: try values.decode(String.self, forKey: .href),
                      mediaType: try values.decode(String.self, forKey: .mediaType),
                      properties: try values.decode([String].self, forKey: .properties),
                      contents: try values.decode(Data.self, forKey: .contents))
        }

        func encode(to encoder: any Encoder) throws {
            var values = encoder.container(keyedBy: CodingKeys.self)
            try values.encode(id, forKey: .id)
            try values.encode(href, forKey: .href)
            try values.encode(mediaType, forKey: .mediaType)
            try values.encode(properties, forKey: .properties)
            try values.encode(contents, forKey: .contents)
        }
    }

    /// One entry of the table of contents; an entry with children is a section heading.
    struct ContentsEntry: Sendable, Equatable, Codable {
        var title: String
        /// Target relative to the package document.
        var href: String
        var children: [ContentsEntry]
    }

    var metadata: Metadata
    /// Every content file in manifest order.
    var resources: [Resource]
    /// Resource ids in reading order.
    var spine: [String]
    var tableOfContents: [ContentsEntry]
    /// Parallel to the volume's articles: the archive path(s) of each article's XHTML file(s).
    var chapterFiles: [[String]]

    /// The folder inside the archive that holds the package document and all content.
    static let packageFolder = "OEBPS"
}
