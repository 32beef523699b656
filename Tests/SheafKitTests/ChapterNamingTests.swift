import Testing
@testable import SheafKit

@Suite struct ChapterNamingTests {
    @Test func namesChaptersAndTheirParts() {
        #expect(ChapterNaming.id(number: 7) == "c0007")
        #expect(ChapterNaming.fileName(number: 12, part: 3) == "c0012-3.xhtml")
        #expect(ChapterNaming.href(number: 1) == "text/c0001.xhtml")
    }
}
