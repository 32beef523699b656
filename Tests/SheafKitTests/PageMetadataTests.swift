import Testing
@testable import SheafKit

@Suite struct PageMetadataTests {
    private func page(head: String, body: String = "<p>x</p>") -> [HTMLNode] {
        HTMLDocumentParser(keepsHead: true).parse("<html lang=\"en\"><head>\(head)</head><body>\(body)</body></html>").nodes
    }

    @Test func jsonLDArticleGivesTitleAuthorsDateAndSite() {
        let json = """
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
        "headline":"Rivers rise after the storm","author":[{"@type":"Person","name":"Ann Lee"},{"name":"Bo Chen"}],
        "datePublished":"2019-11-18T23:04:00-05:00","publisher":{"@type":"Organization","name":"The Daily"},
        "image":{"url":"https://example.com/a.jpg"}}</script>
        """
        let metadata = PageMetadata.read(page(head: "<title>Rivers rise after the storm | The Daily</title>" + json))
        #expect(metadata.title == "Rivers rise after the storm")
        #expect(metadata.authors == ["Ann Lee", "Bo Chen"])
        #expect(metadata.published == "2019-11-18T23:04:00-05:00")
        #expect(metadata.date == ArticleDate(year: 2019, month: 11, day: 18))
        #expect(metadata.site == "The Daily")
        #expect(metadata.leadImage == "https://example.com/a.jpg")
        #expect(metadata.language == "en")
    }

    @Test func anArticleInsideAGraphIsFound() {
        let json = """
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
        {"@type":"BlogPosting","headline":"A post in a graph","datePublished":"2020-02-29"}]}</script>
        """
        let metadata = PageMetadata.read(page(head: json))
        #expect(metadata.title == "A post in a graph")
        #expect(metadata.date == ArticleDate(year: 2020, month: 2, day: 29))
    }

    @Test func metaTagsStandInForLinkedData() {
        let head = """
        <title>Ignored when og:title is there - Site</title>
        <meta property="og:title" content="The headline &amp; more"/>
        <meta property="og:site_name" content="Example News"/>
        <meta property="article:published_time" content="2018-10-05T08:00:00Z"/>
        <meta name="author" content="  Jane   Doe "/>
        <link rel="canonical" href="https://example.com/news/1"/>
        """
        let metadata = PageMetadata.read(page(head: head))
        #expect(metadata.title == "The headline & more")
        #expect(metadata.site == "Example News")
        #expect(metadata.date == ArticleDate(year: 2018, month: 10, day: 5))
        #expect(metadata.authors == ["Jane Doe"])
        #expect(metadata.canonicalURL == "https://example.com/news/1")
    }

    @Test func aTimeElementDatesAPageWithoutMeta() {
        let metadata = PageMetadata.read(page(head: "<title>t</title>",
                                              body: "<p>Posted <time datetime=\"2021-03-04\">March 4</time></p>"))
        #expect(metadata.date == ArticleDate(year: 2021, month: 3, day: 4))
    }

    @Test(arguments: [
        ("How the river rose in one night | Daily News", "How the river rose in one night"),
        ("How the river rose in one night » World » Daily News", "How the river rose in one night » World"),
        ("Daily News » World » How the river rose", "Daily News » World » How the river rose"),
        ("Home | Daily News", "Home | Daily News"),
        ("Short title - Site", "Short title - Site"),
        ("长江洪水_新闻_某某网", "长江洪水_新闻_某某网"),
    ])
    func titlesLoseTheSiteAroundThemOnlyWhenEnoughIsLeft(title: String, expected: String) {
        #expect(PageMetadata.cleanedTitle(title, headings: [], mainHeadings: []) == expected)
    }

    @Test func calendarDatesAreReadAsWritten() {
        #expect(PageMetadata.calendarDate(of: "2017-10-20T23:30:00-04:00") == ArticleDate(year: 2017, month: 10, day: 20))
        #expect(PageMetadata.calendarDate(of: "2017/10/20 12:00") == ArticleDate(year: 2017, month: 10, day: 20))
        #expect(PageMetadata.calendarDate(of: "2017-02-30") == nil)
        #expect(PageMetadata.calendarDate(of: "yesterday") == nil)
    }
}
