import Testing
@testable import SheafKit

@Suite struct PageSelectorTests {
    static let page = HTMLDocumentParser().parse("""
        <div id="main"><article class="story wide"><p>One</p><div class="ad">Buy</div>
        <section><p data-kind="note">Two</p></section></article><aside class="story"><p>Side</p></aside></div>
        """).nodes

    static func texts(_ nodes: [HTMLNode]) -> [String] { nodes.map(\.textContent) }

    @Test func tagsClassesIdsAndAttributesSelect() throws {
        #expect(Self.texts(PageSelector.kept(by: [try PageSelector("article")], in: Self.page)).first?.hasPrefix("One") == true)
        #expect(Self.texts(PageSelector.kept(by: [try PageSelector("p[data-kind=note]")], in: Self.page)) == ["Two"])
        #expect(Self.texts(PageSelector.kept(by: [try PageSelector("[data-kind]")], in: Self.page)) == ["Two"])
        #expect(Self.texts(PageSelector.kept(by: [try PageSelector(".story")], in: Self.page)).count == 2)
        #expect(PageSelector.kept(by: [try PageSelector("article.story.wide")], in: Self.page).count == 1)
        #expect(PageSelector.kept(by: [try PageSelector("article.narrow")], in: Self.page).isEmpty)
        #expect(Self.texts(PageSelector.kept(by: [try PageSelector("[class^=sto]")], in: Self.page)).count == 2)
    }

    @Test func descendantAndChildCombinatorsDiffer() throws {
        #expect(Self.texts(PageSelector.kept(by: [try PageSelector("#main p")], in: Self.page)) == ["One", "Two", "Side"])
        #expect(Self.texts(PageSelector.kept(by: [try PageSelector("article > p")], in: Self.page)) == ["One"])
        #expect(Self.texts(PageSelector.kept(by: [try PageSelector("#main>aside>p, section p")], in: Self.page)) == ["Two", "Side"])
    }

    @Test func anElementInsideAnotherKeptIsNotTakenTwice() throws {
        let kept = PageSelector.kept(by: [try PageSelector("article, p")], in: Self.page)
        #expect(kept.count == 2)
        #expect(Self.texts(kept).last == "Side")
    }

    @Test func removingDropsWhatMatchesAndCountsIt() throws {
        let (nodes, removed) = PageSelector.removing([try PageSelector(".ad, aside")], from: Self.page)
        #expect(removed == 2)
        let text = Self.texts(nodes).joined()
        #expect(!text.contains("Buy") && !text.contains("Side") && text.contains("Two"))
    }

    @Test func aSelectorThatCannotBeReadSaysWhy() {
        for bad in ["", "div >", "> p", "a:hover", "[href", "div + p", "p[x=\"1]", ".", "a,"] {
            #expect(throws: SheafError.self, "\(bad)") { try PageSelector(bad) }
        }
        do {
            _ = try PageSelector("a:hover")
        } catch let error as SheafError {
            #expect(error.reason.contains("'a:hover'") && error.reason.contains("pseudo-classes"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
