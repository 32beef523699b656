import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SheafKit

/// Collects elements and their attributes and text, to check a parsed document rather than its bytes.
final class ElementCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String], text: String)] = []
    private var open: [Int] = []

    static func parse(_ text: String) -> ElementCollector? {
        let collector = ElementCollector()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        open.append(elements.count)
        elements.append((name, attributes, ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last { elements[index].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func all(_ name: String) -> [(name: String, attributes: [String: String], text: String)] {
        elements.filter { $0.name == name }
    }
}

@Suite struct PackageDocumentTests {
    @Test func metadataManifestAndSpine() throws {
        let book = try SampleVolume.book(SampleVolume.flat)
        let opf = try #require(ElementCollector.parse(PackageDocument.xml(for: book)))
        let package = try #require(opf.all("package").first)
        #expect(package.attributes["version"] == "3.0" && package.attributes["unique-identifier"] == "book-id")
        let identifier = try #require(opf.all("dc:identifier").first)
        #expect(identifier.attributes["id"] == "book-id" && identifier.text == book.metadata.identifier)
        #expect(opf.all("dc:title").map(\.text) == ["mh-news 2021-W03"])
        #expect(opf.all("dc:language").map(\.text) == ["zh"])
        #expect(opf.all("dc:creator").map(\.text) == ["mh-news"])
        #expect(opf.all("dc:source").map(\.text) == ["https://www.minghui.org/mh/articles/2021/1/18/407787.html",
                                                     "https://www.minghui.org/mh/articles/2021/1/18/407788.html"])
        #expect(opf.all("meta").first { $0.attributes["property"] == "dcterms:modified" }?.text == "2021-01-20T00:00:00Z")
        #expect(opf.all("item").map { $0.attributes["href"] ?? "" }
            == ["toc.ncx", "nav.xhtml", "text/cover.xhtml", "text/titlepage.xhtml", "text/c0001.xhtml",
                "text/c0002.xhtml", "images/cover.jpg", "style/style.css"])
        // The cover both ways: EPUB 3's manifest property and EPUB 2's meta naming the same item.
        #expect(opf.all("item").first { $0.attributes["id"] == "cover-image" }?.attributes["properties"] == "cover-image")
        #expect(opf.all("meta").contains { $0.attributes["name"] == "cover" && $0.attributes["content"] == "cover-image" })
        #expect(opf.all("item").first { $0.attributes["id"] == "nav" }?.attributes["properties"] == "nav")
        #expect(opf.all("spine").first?.attributes["toc"] == "ncx")
        #expect(opf.all("itemref").map { $0.attributes["idref"] ?? "" } == ["cover", "titlepage", "c0001", "c0002"])
    }

    @Test func textIsEscaped() throws {
        var volume = SampleVolume.flat
        volume.title = "A & B <\"c\">"
        let xml = PackageDocument.xml(for: try SampleVolume.book(volume))
        #expect(xml.contains("<dc:title>A &amp; B &lt;&quot;c&quot;&gt;</dc:title>"))
        #expect(ElementCollector.parse(xml)?.all("dc:title").first?.text == "A & B <\"c\">")
    }

    @Test func containerPointsAtThePackageDocument() throws {
        let container = try #require(ElementCollector.parse(PackageDocument.container))
        #expect(container.all("rootfile").first?.attributes["full-path"] == "OEBPS/content.opf")
    }
}
