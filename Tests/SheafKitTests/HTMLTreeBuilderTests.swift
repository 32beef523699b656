import Testing
@testable import SheafKit

@Suite struct HTMLTreeBuilderTests {
    @Test func buildsNestedElements() {
        var builder = HTMLTreeBuilder(maximumDepth: 10)
        builder.open(name: "p", attributes: ["lang": "en"])
        builder.append(text: "a")
        builder.open(name: "b", attributes: [:])
        builder.append(text: "b")
        builder.close()
        builder.close()
        #expect(builder.result().nodes == [.element("p", ["lang": "en"], [.text("a"), .element("b", [:], [.text("b")])])])
    }

    @Test func belowTheLimitTextKeepsItsInnermostElementInOrder() {
        var builder = HTMLTreeBuilder(maximumDepth: 1)
        builder.open(name: "div", attributes: [:])
        builder.open(name: "b", attributes: [:])
        builder.append(text: "x")
        builder.open(name: "i", attributes: [:])
        builder.append(text: "y")
        builder.close()
        builder.append(text: "z")
        builder.open(name: "br", attributes: [:], isEmpty: true)
        builder.close()
        builder.close()
        builder.close()
        let result = builder.result()
        #expect(result.nodes == [.element("div", [:], [
            .element("b", [:], [.text("x")]), .element("i", [:], [.text("y")]), .element("b", [:], [.text("z")]),
            .element("br"),
        ])])
        #expect(result.flattenedElements == 3)
    }

    @Test func transparentWrappersPassTheirContentUp() {
        var builder = HTMLTreeBuilder(maximumDepth: 5)
        builder.open(name: nil, attributes: [:])
        builder.append(text: "a")
        builder.close()
        #expect(builder.result().nodes == [.text("a")])
    }

    @Test func unclosedElementsAreClosedAtTheEnd() {
        var builder = HTMLTreeBuilder(maximumDepth: 5)
        builder.open(name: "p", attributes: [:])
        builder.append(text: "a")
        #expect(builder.result().nodes == [.element("p", [:], [.text("a")])])
    }
}
