import Testing
@testable import SheafKit

@Suite struct HTMLEntitiesTests {
    @Test func decodesNamedReferences() {
        #expect(HTMLEntities.decode("A&amp;B&nbsp;C&lt;D&gt;&quot;E&quot;") == "A&B\u{A0}C<D>\"E\"")
        #expect(HTMLEntities.decode("&hellip;&mdash;&ldquo;x&rdquo;&copy;") == "…—“x”©")
    }

    @Test func decodesNumericReferences() {
        #expect(HTMLEntities.decode("&#160;&#x4E2D;&#X41;&#22269;") == "\u{A0}中A国")
    }

    @Test func leavesUnknownAndBareAmpersandsAlone() {
        #expect(HTMLEntities.decode("AT&T & co &bogus; &nbsp x") == "AT&T & co &bogus; &nbsp x")
        #expect(HTMLEntities.decode("&;&#;&#x;") == "&;&#;&#x;")
        #expect(HTMLEntities.decode("no references") == "no references")
    }

    @Test func marksImpossibleCodePoints() {
        #expect(HTMLEntities.decode("a&#0;b&#xD800;c&#x110000;d") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d")
    }

    @Test func decodesOnceOnly() {
        #expect(HTMLEntities.decode("&amp;#039;") == "&#039;")
    }
}
