import Testing
@testable import SheafKit

@Suite struct DemoteHeadingsTests {
    @Test func headingsMoveOneLevelDown() {
        #expect(rewritten("<h1>a</h1><h2>b</h2><h5>c</h5><h6>d</h6>", by: DemoteHeadings())
            == "<h2>a</h2><h3>b</h3><h6>c</h6><h6>d</h6>")
    }

    @Test func nestedHeadingsAreDemotedToo() {
        #expect(rewritten("<blockquote><h1>a</h1><div><h4>b</h4></div></blockquote>", by: DemoteHeadings())
            == "<blockquote><h2>a</h2><div><h5>b</h5></div></blockquote>")
    }
}
