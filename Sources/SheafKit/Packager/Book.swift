import Foundation

/// One EPUB ready to write: metadata, every content file with its bytes, reading order and contents.
///
/// The package files (`container.xml`, the package document, the NCX) are not stored: they are derived from
/// these values when the book is written, so there is one source of truth.
public struct Book: Sendable, Equatable, Codable {
    /// What the package document says about the book.
    public struct Metadata: Sendable, Equatable, Codable {
        /// `urn:uuid:…`, derived from the volume's content.
        public var identifier: String
        public var title: String
        public var subtitle: String?
        /// BCP 47 tag.
        public var language: String
        /// Named as creator and publisher: the collection.
        public var creator: String
        /// The newest article date, if any.
        public var date: ArticleDate?
        public var modified: BookTimestamp
        /// The articles' original URLs, deduplicated, in reading order.
        public var sources: [String]
    }

    /// A file of the book with its bytes, listed in the manifest.
    public struct Resource: Sendable, Equatable, Codable {
        /// Manifest id (an XML name).
        public var id: String
        /// Path relative to the package document (`text/c0001.xhtml`).
        public var href: String
        public var mediaType: String
        /// Manifest properties (`nav`).
        public var properties: [String]
        /// The bytes as they are, when not held deflated.
        private var plain: Data
        /// The bytes deflated ahead (a page compressed as it was rendered), ready for the archive.
        private(set) var deflated: RawDeflate?
        /// The bytes deflated and set aside on disk until the archive copies them.
        private(set) var spilled: SpilledPage?

        private enum CodingKeys: String, CodingKey { case id, href, mediaType, properties, plain, deflated }

        public init(id: String, href: String, mediaType: String, properties: [String], contents: Data) {
            (self.id, self.href, self.mediaType, self.properties) = (id, href, mediaType, properties)
            (plain, deflated) = (contents, nil)
        }

        /// A resource held deflated.
        init(id: String, href: String, mediaType: String, properties: [String], deflated: RawDeflate) {
            (self.id, self.href, self.mediaType, self.properties) = (id, href, mediaType, properties)
            (plain, self.deflated) = (Data(), deflated)
        }

        /// A resource deflated and set aside.
        init(id: String, href: String, mediaType: String, properties: [String], spilled: SpilledPage) {
            (self.id, self.href, self.mediaType, self.properties) = (id, href, mediaType, properties)
            (plain, deflated, self.spilled) = (Data(), nil, spilled)
        }

        /// The file's bytes (inflated again when held deflated: for checks and tests, not the writing path).
        public var contents: Data {
            get {
                if let spilled { return (try? spilled.deflated().inflated()) ?? Data() }
                return deflated.map { (try? $0.inflated()) ?? Data() } ?? plain
            }
            set { (plain, deflated, spilled) = (newValue, nil, nil) }
        }

        /// The file's size in bytes, without inflating it.
        public var size: Int { spilled?.size ?? deflated?.size ?? plain.count }

        /// Path inside the archive.
        public var path: String { Book.packageFolder + "/" + href }

        /// The same file, however it is held.
        public static func == (left: Resource, right: Resource) -> Bool {
            left.id == right.id && left.href == right.href && left.mediaType == right.mediaType
                && left.properties == right.properties
                && left.contents == right.contents
        }
    }

    /// One entry of the table of contents; an entry with children is a section heading.
    public struct ContentsEntry: Sendable, Equatable, Codable {
        public var title: String
        /// Target relative to the package document.
        public var href: String
        public var children: [ContentsEntry]
    }

    public var metadata: Metadata
    /// Every content file in manifest order.
    public var resources: [Resource]
    /// Resource ids in reading order.
    public var spine: [String]
    public var tableOfContents: [ContentsEntry]
    /// Parallel to the volume's articles: the archive path(s) of each article's XHTML file(s).
    public var chapterFiles: [[String]]

    /// The folder inside the archive that holds the package document and all content.
    public static let packageFolder = "OEBPS"
}
