import Foundation
import Testing
@testable import SheafKit

@Suite struct MHTMLDocumentTests {
    /// A MIME message from header lines and parts (each its header lines and body), joined with `lineEnd`.
    func message(_ headers: [String], boundary: String, parts: [([String], String)], lineEnd: String = "\r\n",
                 closes: Bool = true) -> [UInt8] {
        var lines = headers + [""]
        for (partHeaders, body) in parts {
            lines += ["--" + boundary] + partHeaders + ["", body]
        }
        if closes { lines.append("--" + boundary + "--") }
        return Array(lines.joined(separator: lineEnd).utf8)
    }

    func read(_ bytes: [UInt8]) throws -> MHTMLDocument {
        try MHTMLDocument.read(bytes).get()
    }

    // MARK: - Chrome's layout

    @Test func readsTheSavedPageAndItsResources() throws {
        let document = try read(try WebArchiveTestData.fixtureBytes("cafe.mhtml"))
        #expect(document.root == (try WebArchiveTestData.fixtureBytes("cafe.html")))
        #expect(document.rootCharset == nil)
        #expect(document.rootLocation == "https://lake.example.com/news/cafe.html")
        #expect(document.notes == [])
        let image = try #require(document.resources["https://lake.example.com/img/cup.png"])
        #expect(image.mediaType == "image/png")
        #expect(image.bytes == (try WebArchiveTestData.fixtureBytes("cup.png")))
        let css = try #require(document.resources["cid:css-1@mhtml.blink"])
        #expect(css.mediaType == "text/css")
        #expect(String(decoding: css.bytes, as: UTF8.self) == "@charset \"utf-8\";\r\narticle { font-family: serif; }")
        #expect(document.resources.count == 2)
    }

    @Test func theRootIsThePartNamedByStart() throws {
        let bytes = message(["Content-Type: multipart/related; boundary=b1; start=\"<main@x>\"; type=text/html"],
                            boundary: "b1", parts: [
                                (["Content-Type: text/html", "Content-ID: <frame@x>", "Content-Location: cid:frame@x"],
                                 "<html>frame</html>"),
                                (["Content-Type: text/html; charset=windows-1252", "Content-ID: <main@x>",
                                  "Content-Location: https://example.org/"], "<html>main</html>")])
        let document = try read(bytes)
        #expect(String(decoding: document.root, as: UTF8.self) == "<html>main</html>")
        #expect(document.rootCharset == "windows-1252")
        #expect(document.rootLocation == "https://example.org/")
        #expect(document.resources.keys.sorted() == ["cid:frame@x"])
    }

    @Test func readsBareLineFeedsAndAnUnclosedLastPart() throws {
        let bytes = message(["MIME-Version: 1.0", "Content-Type: multipart/related;", " boundary=plain"],
                            boundary: "plain", parts: [
                                (["Content-Type: text/html", "Content-Transfer-Encoding: 8bit"], "<html>caf\u{E9}</html>"),
                                (["Content-Type: image/gif", "Content-Transfer-Encoding: base64", "Content-ID: <g1>"],
                                 "R0lG\nODlh")], lineEnd: "\n", closes: false)
        let document = try read(bytes)
        #expect(String(decoding: document.root, as: UTF8.self) == "<html>caf\u{E9}</html>")
        #expect(document.resources["cid:g1"] == MHTMLDocument.Resource(mediaType: "image/gif", bytes: Array("GIF89a".utf8)))
    }

    @Test func aSinglePartPageIsItsOwnRoot() throws {
        let bytes = Array(("Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n"
            + "\r\n<p>a=3Db</p>").utf8)
        let document = try read(bytes)
        #expect(String(decoding: document.root, as: UTF8.self) == "<p>a=b</p>")
        #expect(document.rootCharset == "utf-8")
    }

    // MARK: - Damaged files

    @Test func readsABodyWithoutABoundaryAsOneHTMLPage() throws {
        let bytes = Array(("From: <Saved by Blink>\r\nContent-Type: multipart/related; type=\"text/html\"\r\n\r\n"
            + "<!DOCTYPE html><html><body><p>Still here.</p></body></html>\r\n").utf8)
        let document = try read(bytes)
        #expect(String(decoding: document.root, as: UTF8.self).hasPrefix("<!DOCTYPE html><html><body><p>Still here."))
        #expect(document.resources == [:])
        #expect(document.notes == ["the file names no multipart boundary: the file is read as one HTML page, "
            + "without its pictures"])
    }

    @Test func splitsAtTheBoundaryTheBodyUsesWhenTheDeclaredOneIsWrong() throws {
        let bytes = message(["Content-Type: multipart/related; boundary=\"wrong\""], boundary: "----real----", parts: [
            (["Content-Type: text/html"], "<html>page</html>"),
            (["Content-Type: image/png", "Content-Location: https://example.org/a.png"], "PNG")])
        let document = try read(bytes)
        #expect(String(decoding: document.root, as: UTF8.self) == "<html>page</html>")
        #expect(document.resources["https://example.org/a.png"]?.bytes == Array("PNG".utf8))
        #expect(document.notes == ["the multipart boundary \"wrong\" is not in the file: its parts are split at "
            + "the lines \"------real----\""])
    }

    @Test func refusesAFileWithNoBoundaryAndNoHTML() {
        let bytes = Array("Content-Type: multipart/related\r\n\r\nnothing to see\r\n".utf8)
        #expect(throws: WebArchiveProblem(at: nil, "not a saved page: the file names no multipart boundary, and the "
            + "file is no HTML page")) {
            try read(bytes)
        }
        let noHTML = message(["Content-Type: multipart/related; boundary=b"], boundary: "b",
                             parts: [(["Content-Type: image/png"], "PNG")])
        #expect(throws: WebArchiveProblem(at: nil, "not a saved page: the MHTML file holds no HTML part")) { try read(noHTML) }
        #expect(throws: WebArchiveProblem.self) { try read([0x00, 0xFF, 0x10, 0x0A]) }
    }

    @Test func aBoundaryFollowedByMoreOfANameIsNoDelimiter() throws {
        let bytes = message(["Content-Type: multipart/related; boundary=b"], boundary: "b", parts: [
            (["Content-Type: text/html"], "<html>\r\n--bx is text\r\n</html>")])
        #expect(String(decoding: try read(bytes).root, as: UTF8.self) == "<html>\r\n--bx is text\r\n</html>")
    }

    // MARK: - Transfer encodings

    @Test func decodesQuotedPrintable() {
        let encoded = Array("caf=C3=A9 =\r\nsoft=\nbreaks, =3D sign, =ZZ kept, tail=  \r\nend=".utf8)
        #expect(String(decoding: QuotedPrintable.decode(encoded[...]), as: UTF8.self)
            == "café softbreaks, = sign, =ZZ kept, tailend")
    }

    @Test func decodesBase64WithLineBreaksAndStrayCharacters() {
        let part = MIMEPart(headers: HeaderFields([.init(name: "Content-Transfer-Encoding", value: "BASE64")]),
                            body: Array("SGVs\r\nbG8s\r\n IHdv*cmxk\r\nIQ==\r\n".utf8)[...])
        #expect(String(decoding: part.decoded(), as: UTF8.self) == "Hello, world!")
        let binary = MIMEPart(headers: HeaderFields([.init(name: "Content-Transfer-Encoding", value: "binary")]),
                              body: [0x00, 0xFF][...])
        #expect(binary.decoded() == [0x00, 0xFF])
    }

    @Test func survivesDamageAnywhere() throws {
        let original = try WebArchiveTestData.fixtureBytes("cafe.mhtml")
        var state: UInt32 = 11
        func random(_ bound: Int) -> Int {
            state = state &* 1_103_515_245 &+ 12345
            return Int(state >> 8) % bound
        }
        var pages = 0
        for round in 0..<200 {
            var bytes = original
            if round % 4 == 0 {
                bytes = Array(bytes.prefix(random(bytes.count)))
            } else {
                for _ in 0..<(1 + round % 6) { bytes[random(bytes.count)] = UInt8(random(256)) }
            }
            if case .success(let document) = MHTMLDocument.read(bytes), !document.root.isEmpty { pages += 1 }
        }
        // Most damage leaves a page to read.
        #expect(pages > 100)
    }
}
