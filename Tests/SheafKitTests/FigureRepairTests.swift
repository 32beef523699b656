import Testing
@testable import SheafKit

@Suite struct FigureRepairTests {
    private func names(_ figure: HTMLElement) -> [String] {
        figure.children.compactMap(\.element?.name)
    }

    @Test func aCaptionAtEitherEdgeStays() {
        let figure = HTMLElement(name: "figure", children: [
            .text(" "), .element("span"), .element("figcaption", [:], [.text("c")]), .element("br"), .text("\n"),
        ])
        #expect(FigureRepair.figure(figure) == figure)
    }

    @Test func aCaptionInTheMiddleAndASecondCaptionBecomeDivisions() {
        let middle = HTMLElement(name: "figure", children: [.element("span"), .element("figcaption"), .element("span")])
        #expect(names(FigureRepair.figure(middle)) == ["span", "div", "span"])
        let twice = HTMLElement(name: "figure", children: [.element("figcaption"), .element("span"), .element("figcaption")])
        #expect(names(FigureRepair.figure(twice)) == ["figcaption", "span", "div"])
    }

    @Test func captionsOutsideFiguresBecomeDivisions() {
        let nodes: [HTMLNode] = [.element("figcaption", [:], [.text("c")]), .text("t")]
        #expect(FigureRepair.strayCaptions(nodes, parent: "div") == [.element("div", [:], [.text("c")]), .text("t")])
        #expect(FigureRepair.strayCaptions(nodes, parent: nil).first?.element?.name == "div")
        #expect(FigureRepair.strayCaptions(nodes, parent: "figure") == nodes)
    }
}
