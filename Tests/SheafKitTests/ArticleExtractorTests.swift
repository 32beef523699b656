import Testing
@testable import SheafKit

@Suite struct ArticleExtractorTests {
    private static let prose = [
        "The river rose by two metres overnight, flooding the low streets of the old town, and the council opened the school hall for families.",
        "By morning the water had reached the market square, where traders moved their stalls to higher ground, and boats carried the elderly out.",
        "Engineers said the embankment held, but warned that more rain was expected on Thursday, and that the next crest could be higher still.",
    ]

    private func body(_ html: String) -> [HTMLNode] {
        WebPageFormat.body(of: HTMLDocumentParser(keepsHead: true).parse("<html><body>\(html)</body></html>").nodes)
    }

    private func text(_ extracted: ArticleExtractor.Extracted) -> String {
        extracted.nodes.map(\.textContent).joined()
    }

    @Test func theArticleIsKeptAndTheFurnitureAroundItIsNot() {
        let page = """
        <nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <div class="share-bar"><a href="#">Share on Facebook</a></div>
        <div class="story-body">\(Self.prose.map { "<p>\($0)</p>" }.joined())</div>
        <aside><p>Most read: a long list of other stories that are not part of this article at all, really.</p></aside>
        <footer><p>Copyright 2019 Example News, all rights reserved, 1 Example Street.</p></footer>
        """
        let extracted = ArticleExtractor().extract(body(page))
        let kept = text(extracted)
        for paragraph in Self.prose { #expect(kept.contains(paragraph)) }
        #expect(!kept.contains("Home"))
        #expect(!kept.contains("Share on Facebook"))
        #expect(!kept.contains("Most read"))
        #expect(!kept.contains("Copyright"))
    }

    @Test func hiddenElementsAndBylinesGoAndAPageWrappedInAFormStillReads() {
        let page = """
        <form id="aspnetForm"><div class="content">
        <h1>River rises overnight</h1><div class="byline">By Ann Lee</div>
        <div style="display: none"><p>Subscribe to our newsletter for more stories like this one every day.</p></div>
        \(Self.prose.map { "<p>\($0)</p>" }.joined())
        </div></form>
        """
        let extracted = ArticleExtractor().extract(body(page), title: "River rises overnight")
        let kept = text(extracted)
        for paragraph in Self.prose { #expect(kept.contains(paragraph)) }
        #expect(!kept.contains("Subscribe"))
        #expect(!kept.contains("By Ann Lee"))
        #expect(!kept.contains("River rises overnight"))
    }

    @Test func anArticleCutIntoChunksIsTakenWhole() {
        let chunk = { (paragraphs: ArraySlice<String>) in
            "<div class=\"grid\"><div class=\"grid-item body\">\(paragraphs.map { "<p>\($0)</p>" }.joined())</div>"
                + "<div class=\"grid-item rail\"><a href=\"/ad\">Advertisement</a></div></div>"
        }
        let page = "<div class=\"chunks\">" + chunk(Self.prose[0..<2]) + "<div class=\"ad\">Ad</div>"
            + chunk(Self.prose[2...]) + "</div>"
        let kept = text(ArticleExtractor().extract(body(page)))
        for paragraph in Self.prose { #expect(kept.contains(paragraph)) }
    }

    @Test func littleTextIsReportedAsUnsure() {
        let extracted = ArticleExtractor().extract(body("<p>Just a caption of a few words here and there.</p>"))
        #expect(extracted.doubt?.contains("little text") == true)
    }
}
