import Testing
@testable import SheafKit

@Suite struct KoboSpansTests {
    func span(_ id: String, _ text: String) -> String {
        "<span class=\"koboSpan\" id=\"kobo.\(id)\">\(text)</span>"
    }

    @Test func latinSentencesAreNumberedWithinTheirParagraph() {
        #expect(rewritten("<p>One. Two? Three!</p><p>Four</p>", by: KoboSpans())
            == "<p>" + span("1.1", "One. ") + span("1.2", "Two? ") + span("1.3", "Three!") + "</p><p>"
            + span("2.1", "Four") + "</p>")
    }

    @Test func chineseSentencesEndAtTheirMarksWithoutSpaces() {
        #expect(rewritten("<p>他说：“好。”我们走吧！真的？是的</p>", by: KoboSpans())
            == "<p>" + span("1.1", "他说：“好。”") + span("1.2", "我们走吧！") + span("1.3", "真的？")
            + span("1.4", "是的") + "</p>")
    }

    @Test func inlineMarkupKeepsItsPlaceAndGetsSpansInside() {
        #expect(rewritten("<p>A <b>bold <i>move</i>.</b> Next.</p>", by: KoboSpans())
            == "<p>" + span("1.1", "A ") + "<b>" + span("1.2", "bold ") + "<i>" + span("1.3", "move") + "</i>"
            + span("1.4", ".") + "</b>" + span("1.5", " Next.") + "</p>")
    }

    @Test func picturesGetASpanOfTheirOwn() {
        let nodes: [HTMLNode] = [.element("p", [:], [.element("img", ["src": "../images/a.png", "alt": ""])])]
        #expect(KoboSpans().rewrite(nodes) == [.element("p", [:], [
            .element("span", ["class": "koboSpan", "id": "kobo.1.1"], [.element("img", ["src": "../images/a.png", "alt": ""])]),
        ])])
    }

    @Test func blankTextBetweenStructuresGetsNoSpan() {
        let nodes: [HTMLNode] = [.element("ul", [:], [.text("\n"), .element("li", [:], [.text("x")]), .text(" ")])]
        #expect(KoboSpans().rewrite(nodes) == [.element("ul", [:], [
            .text("\n"), .element("li", [:], [.element("span", ["class": "koboSpan", "id": "kobo.1.1"], [.text("x")])]),
            .text(" "),
        ])])
    }

    @Test func idsAlreadyInTheChapterAreNotReused() {
        let html = "<p id=\"kobo.1.1\">A. B.</p>"
        #expect(rewritten(html, by: KoboSpans())
            == "<p id=\"kobo.1.1\">" + span("1.2", "A. ") + span("1.3", "B.") + "</p>")
    }

    @Test func everyIdIsUniqueAndNoTextIsLost() throws {
        let html = """
            <h2>标题。副标题</h2><p>第一句。第二句！<a href="#x">链接里的话。还有</a>Third one. Fourth?</p>
            <blockquote><p>引文。</p>Tail text. More</blockquote><ul><li>一。二</li><li>Three. <em>four.</em></li></ul>
            <table><tr><td>格。子</td></tr></table><p>3.14 is pi. U.S.A. is here…and there</p>
            """
        let before = HTMLDocumentParser().parse(html).nodes
        let after = KoboSpans().rewrite(before)
        #expect(after.map(\.textContent).joined() == before.map(\.textContent).joined())
        #expect(Self.withoutSpans(after) == before)
        let ids = Self.ids(in: after)
        #expect(ids.count == Set(ids).count)
        #expect(ids.count > 15)
    }

    /// The tree with every kobo span unwrapped and the text runs they split joined again.
    static func withoutSpans(_ nodes: [HTMLNode]) -> [HTMLNode] {
        var result: [HTMLNode] = []
        for node in nodes {
            let replaced: [HTMLNode]
            switch node {
            case .text: replaced = [node]
            case .element(let element) where element.attributes["class"] == KoboSpans.className:
                replaced = withoutSpans(element.children)
            case .element(let element): replaced = [.element(element.with(children: withoutSpans(element.children)))]
            }
            for item in replaced {
                if case .text(let text) = item, case .text(let last)? = result.last {
                    result[result.count - 1] = .text(last + text)
                } else {
                    result.append(item)
                }
            }
        }
        return result
    }

    static func ids(in nodes: [HTMLNode]) -> [String] {
        nodes.flatMap { node -> [String] in
            guard case .element(let element) = node else { return [] }
            return (element.attributes["id"].map { [$0] } ?? []) + ids(in: element.children)
        }
    }
}
