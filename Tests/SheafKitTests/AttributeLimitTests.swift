import Testing
@testable import SheafKit

struct AttributeLimitTests {
    let limit = AttributeLimit(maximum: 2)

    func applied(_ html: String) -> (html: String, cutTags: Int) {
        let result = limit.applied(to: Array(html.utf8))
        return (String(decoding: result.bytes, as: UTF8.self), result.cutTags)
    }

    @Test func tagsWithinTheLimitAreUntouched() {
        let html = #"<p a="1" b='2'>x</p><img src=y alt="a b c d">"#
        #expect(applied(html) == (html, 0))
    }

    @Test func attributesPastTheLimitAreCutUpToTheTagsEnd() {
        #expect(applied(#"<p a="1" b=2 c="3" d>x</p><br e f g>"#) == (#"<p a="1" b=2 >x</p><br e f >"#, 2))
    }

    @Test func quotedValuesHoldingSpacesAndBracketsCountOnce() {
        let html = #"<a title="x y z > w" href='u v'>t</a>"#
        #expect(applied(html) == (html, 0))
    }

    @Test func aMillionAttributesCostLinearTime() {
        let tag = "<p " + (0..<1_000_000).map { "a\($0)" }.joined(separator: " ") + ">end"
        let result = AttributeLimit().applied(to: Array(tag.utf8))
        #expect(result.cutTags == 1)
        #expect(String(decoding: result.bytes, as: UTF8.self).hasSuffix("a255 >end"))
    }

    @Test func theParserReportsCutTags() {
        var parser = HTMLDocumentParser()
        parser.attributeLimit = limit
        let result = parser.parse("<p a b c>x</p>")
        #expect(result.cutTags == 1)
        #expect(result.nodes.count == 1)
    }
}
