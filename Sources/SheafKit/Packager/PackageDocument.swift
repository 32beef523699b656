/// The package document (`content.opf`, OPF 3.0) of a book, written from its typed values.
enum PackageDocument {
    static let href = "content.opf"
    static let ncxID = "ncx"

    /// `META-INF/container.xml`, pointing at the package document.
    static let container = """
        <?xml version="1.0" encoding="UTF-8"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
          <rootfiles>
            <rootfile full-path="\(Book.packageFolder)/\(href)" media-type="application/oebps-package+xml"/>
          </rootfiles>
        </container>

        """

    /// The whole package document.
    static func xml(for book: Book) -> String {
        let meta = book.metadata
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="\#(XMLText.escaped(meta.language))">"#,
            #"  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">"#,
            element("dc:identifier", meta.identifier, attributes: #" id="book-id""#),
            element("dc:title", meta.title),
            element("dc:language", meta.language),
            element("dc:creator", meta.creator),
            element("dc:publisher", meta.publisher ?? meta.creator),
        ]
        if let subtitle = meta.subtitle, !subtitle.isEmpty { lines.append(element("dc:description", subtitle)) }
        if let date = meta.date { lines.append(element("dc:date", date.description)) }
        lines += meta.sources.map { element("dc:source", $0) }
        lines.append(element("meta", meta.modified.iso8601, attributes: #" property="dcterms:modified""#))
        // EPUB 2 readers (older Kindles, Kobo's non-kepub engine) find the cover by this meta.
        if let cover = book.resources.first(where: { $0.properties.contains("cover-image") }) {
            lines.append(#"    <meta name="cover" content="\#(XMLText.escaped(cover.id))"/>"#)
        }
        lines.append("  </metadata>")
        lines.append("  <manifest>")
        lines.append(#"    <item id="\#(ncxID)" href="\#(NCXDocument.href)" media-type="application/x-dtbncx+xml"/>"#)
        lines += book.resources.map(item)
        lines.append("  </manifest>")
        lines.append(#"  <spine toc="\#(ncxID)">"#)
        lines += book.spine.map { #"    <itemref idref="\#(XMLText.escaped($0))"/>"# }
        lines += ["  </spine>", "</package>", ""]
        return lines.joined(separator: "\n")
    }

    private static func element(_ name: String, _ text: String, attributes: String = "") -> String {
        "    <\(name)\(attributes)>\(XMLText.escaped(text))</\(name)>"
    }

    private static func item(_ resource: Book.Resource) -> String {
        let properties = resource.properties.isEmpty
            ? "" : #" properties="\#(XMLText.escaped(resource.properties.joined(separator: " ")))""#
        return #"    <item id="\#(XMLText.escaped(resource.id))" href="\#(XMLText.escaped(resource.href))" "#
            + #"media-type="\#(XMLText.escaped(resource.mediaType))"\#(properties)/>"#
    }
}
