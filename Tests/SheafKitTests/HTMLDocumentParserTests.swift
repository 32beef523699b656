import Foundation
import Testing
@testable import SheafKit

@Suite struct HTMLDocumentParserTests {
    let parser = HTMLDocumentParser()

    @Test func chainsOfUnclosedParagraphsBecomeSiblings() {
        let nodes = parser.parse("<p>a\n <p>b\n  <p>c</p>\n </p>\n</p>").nodes
        #expect(nodes.compactMap(\.element?.name) == ["p", "p", "p"])
        #expect(nodes.map(\.textContent).joined() == "a\n b\n  c\n \n")
    }

    @Test func entitiesAreDecodedAndCommentsDropped() {
        let nodes = parser.parse("<p>a&nbsp;&amp;&#20013;<!-- x -- y --><?php echo ?>b</p>").nodes
        #expect(nodes == [.element("p", [:], [.text("a\u{A0}&中b")])])
    }

    @Test func aCharsetDeclaredInsideTheArticleDoesNotChangeHowItIsRead() {
        for declaration in ["<meta charset=\"iso-8859-1\">", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">"] {
            let nodes = parser.parse("<p>前</p>" + declaration + "<p>中文 é “引号”</p>").nodes
            #expect(nodes.map(\.textContent).joined() == "前中文 é “引号”", "\(declaration)")
        }
        #expect(parser.parse("\u{FEFF}<p>中</p>").nodes.map(\.textContent).joined() == "中")
    }

    @Test func prefixedTagsStayUnknown() {
        let names = parser.parse("<p>x<o:p>&nbsp;</o:p><st1:place>y</st1:place></p>").nodes.first?.element?
            .children.compactMap(\.element?.name)
        #expect(names == ["o.p", "st1.place"])
    }

    @Test func attributesAreKept() {
        let nodes = parser.parse("<ok href='a?b=1&amp;c=2' target=_blank>x</ok>").nodes
        #expect(nodes.first?.element?.attributes == ["href": "a?b=1&c=2", "target": "_blank"])
    }

    @Test func charactersIllegalInXMLAreRemoved() {
        let nodes = parser.parse("<p title='&#xFEFF;t'>a\u{8}b\u{1D}c\u{FEFF}d\r\ne&#8;&#xFEFF;</p>").nodes
        #expect(nodes.map(\.textContent) == ["abcd\ne"])
        #expect(nodes.first?.element?.attributes == ["title": "t"])
    }

    @Test func deepNestingIsFlattenedBelowTheLimit() {
        let result = HTMLDocumentParser(maximumDepth: 3).parse(nested("div", depth: 6, around: "x"))
        #expect(result.flattenedElements == 3)
        let third = result.nodes.first?.element?.children.first?.element?.children.first?.element
        #expect(third?.children == [.element("div", [:], [.text("x")])])
    }

    @Test func tenThousandLevelsParseInsideATask() async {
        let html = nested("div", depth: 10_000, around: "deep") + nested("span", depth: 10_000, around: "deeper")
        let result = await Task.detached { HTMLDocumentParser().parse(html) }.value
        #expect(result.flattenedElements > 19_000)
        #expect(result.nodes.map(\.textContent).joined() == "deepdeeper")
    }

    @Test func emptyInputGivesNoNodes() {
        #expect(parser.parse("").nodes.isEmpty)
        let blank = parser.parse("   ").nodes.allSatisfy { $0.isWhitespaceText }
        #expect(blank)
    }

    @Test func neverLoadsExternalEntitiesOrDTDs() throws {
        let scratch = try Scratch()
        let secret = scratch.path("secret.txt")
        try "SHEAF-ENTITY-MARKER".write(toFile: secret, atomically: false, encoding: .utf8)
        let dtd = scratch.path("evil.dtd")
        try "<!ENTITY leak \"SHEAF-DTD-MARKER\">".write(toFile: dtd, atomically: false, encoding: .utf8)
        let html = """
            <!DOCTYPE html SYSTEM "file://\(dtd)" [<!ENTITY xxe SYSTEM "file://\(secret)"><!ENTITY % p SYSTEM \
            "file://\(dtd)"> %p;]><p>&xxe; &leak; <img src="file://\(secret)"></p>
            """
        let text = parser.parse(html).nodes.map(\.textContent).joined()
        #expect(!text.contains("SHEAF-ENTITY-MARKER"))
        #expect(!text.contains("SHEAF-DTD-MARKER"))
        #expect(text.contains("&xxe;"))
    }

    @Test func wellFormedXMLHasNoProblemAndABrokenOneNamesItsLine() {
        #expect(XMLWellFormedness.problem(in: "<?xml version=\"1.0\"?>\n<a><b/>&amp;</a>") == nil)
        let mismatch = XMLWellFormedness.problem(in: "<a>\n<p><b>x</p>\n</a>")
        #expect(mismatch?.line == 2)
        #expect(mismatch?.message.hasPrefix("Opening and ending tag mismatch: b") == true, "\(String(describing: mismatch))")
        #expect(XMLWellFormedness.problem(in: "<!DOCTYPE html>\n<p>&nbsp;</p>")?.message == "Entity 'nbsp' not defined")
        #expect(XMLWellFormedness.problem(in: "<p epub:type=\"x\"/>") != nil)  // an undeclared prefix
        #expect(XMLWellFormedness.problem(in: "") != nil)
    }

    @Test func theWellFormednessCheckLoadsNoDTDOrEntity() throws {
        let folder = NSTemporaryDirectory() + "sheaf-xml-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Both files are broken: read, either would be a problem; never read, the text is well-formed.
        try Data("<!ENTITY broken".utf8).write(to: URL(fileURLWithPath: folder + "/a.dtd"))
        try Data("<x>unclosed".utf8).write(to: URL(fileURLWithPath: folder + "/x.xml"))
        #expect(XMLWellFormedness.problem(in: "<!DOCTYPE a SYSTEM \"file://\(folder)/a.dtd\">\n<a/>") == nil)
        let external = "<!DOCTYPE a [<!ENTITY xxe SYSTEM \"file://\(folder)/x.xml\">]>\n<a>&xxe;</a>"
        #expect(XMLWellFormedness.problem(in: external) == nil)
    }
}
