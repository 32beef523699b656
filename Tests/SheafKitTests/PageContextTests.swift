import Testing
@testable import SheafKit

@Suite struct PageContextTests {
    @Test func chapterWithoutSiteDateOrSourceHasNoByline() {
        let bare = ArticleHeader(id: "1", channel: "c", title: "T", date: nil, source: nil, site: nil, files: [])
        let context = PageContext.chapter(bare, body: "", firstPart: true, language: "en")
        #expect(context["hasByline"] as? Bool == false)
        let page = (try? TemplateSet.builtIn())?.render(TemplateSet.chapter, context) ?? ""
        #expect(page.contains("<h1>T</h1>") && !page.contains("byline"))
    }

    @Test func nonWebSourceIsShownButNotLinked() throws {
        var article = SampleVolume.article("1", "T")
        article.source = "ftp://example.com/x"
        let context = PageContext.chapter(article, body: "", firstPart: true, language: "zh")
        #expect(context["sourceText"] as? String == "ftp://example.com/x" && context["sourceHref"] == nil)
        let page = try TemplateSet.builtIn().render(TemplateSet.chapter, context)
        #expect(page.contains(#"<span class="source">ftp://example.com/x</span>"#))
    }

    @Test func theBylineLinksTheSourceByTheSiteNameOrHost() throws {
        var article = SampleVolume.article("1", "T")
        article.source = "https://www.minghui.org/mh/articles/2021/1/18/1.html"
        article.site = nil
        let page = try TemplateSet.builtIn().render(TemplateSet.chapter,
                                                    PageContext.chapter(article, body: "", firstPart: true, language: "zh"))
        #expect(page.contains(#"<a href="https://www.minghui.org/mh/articles/2021/1/18/1.html">minghui.org</a>"#))
        #expect(!page.contains(">https://www.minghui.org"))
        article.site = "明慧网"
        let named = try TemplateSet.builtIn().render(TemplateSet.chapter,
                                                     PageContext.chapter(article, body: "", firstPart: true, language: "zh"))
        #expect(named.contains(#"<span class="source"><a href="https://www.minghui.org/mh/articles/2021/1/18/1.html">明慧网</a></span>"#))
        #expect(named.components(separatedBy: "明慧网").count == 2)
    }

    @Test func continuationPartHasNoHeading() throws {
        let context = PageContext.chapter(SampleVolume.article("1", "T"), body: "<p>x</p>", firstPart: false, language: "zh")
        let page = try TemplateSet.builtIn().render(TemplateSet.chapter, context)
        #expect(!page.contains("<h1>") && !page.contains("byline") && page.contains("<title>T</title>"))
    }

    @Test func titlepageLinksAreRelativeToTheTextFolder() {
        let contents = TableOfContents.entries(of: SampleVolume.flat, firstFiles: ["text/c0001.xhtml", "text/c0002.xhtml"])
        let context = PageContext.titlepage(SampleVolume.flat, contents: contents)
        let sections = context["sections"] as? [[String: Any]] ?? []
        let articles = sections.first?["articles"] as? [[String: Any]] ?? []
        #expect(articles.compactMap { $0["href"] as? String } == ["c0001.xhtml", "c0002.xhtml"])
        #expect(sections.first?["heading"] == nil)
    }

    /// The navigation page lists the book's contents value as given (the NCX is written from the same value):
    /// headings with their articles, and the articles outside any heading in their place.
    @Test func navigationListsTheContentsItIsGiven() {
        let article = { (title: String, href: String) in Book.ContentsEntry(title: title, href: href, children: []) }
        let contents = [article("一", "text/c0001.xhtml"),
                        Book.ContentsEntry(title: "周二", href: "text/c0002.xhtml",
                                           children: [article("二", "text/c0002.xhtml"), article("三", "text/c0003.xhtml")]),
                        article("四", "text/c0004.xhtml")]
        let context = PageContext.navigation(SampleVolume.flat, contents: contents)
        let sections = context["sections"] as? [[String: Any]] ?? []
        #expect(sections.map { $0["heading"] as? String } == [nil, "周二", nil])
        #expect(sections.map { ($0["articles"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String } }
            == [["一"], ["二", "三"], ["四"]])
        #expect(context["bodymatterHref"] as? String == "text/c0001.xhtml")
        #expect(context["contentsHref"] as? String == "text/titlepage.xhtml#contents")
    }

    @Test func emptyLanguageBecomesUndetermined() throws {
        let volume = SampleVolume.volume(sections: [], language: " ")
        let book = try BookAssembler(templates: TemplateSet.builtIn(), environment: BuildEnvironment()).assemble(volume, chapters: [])
        #expect(book.metadata.language == "und")
        let nav = String(decoding: book.resources[0].contents, as: UTF8.self)
        #expect(nav.contains(#"lang="und" xml:lang="und""#))
        #expect(nav.contains(#"<li><a href="text/titlepage.xhtml">Title page</a></li>"#))
    }

    /// A key a context sets but its template may not name would be refused in a user's template: each list in
    /// `PageContext` must hold every key (a key added to a context is added to its list).
    @Test func everyKeyAContextSetsIsNamedInItsTemplatesList() {
        var article = SampleVolume.article("1", "T")
        article.source = "https://example.com/a"
        let volume = SampleVolume.sectioned
        let contents = TableOfContents.entries(of: volume, firstFiles: ["text/c0001.xhtml", "text/c0002.xhtml", "text/c0003.xhtml"])
        let contexts: [(String, [String: Any], TemplateNames)] = [
            ("chapter", PageContext.chapter(article, body: "<p/>", firstPart: true, language: "zh", kobo: true),
             PageContext.chapterNames),
            ("titlepage", PageContext.titlepage(volume, contents: contents), PageContext.titlepageNames),
            ("navigation", PageContext.navigation(volume, contents: contents), PageContext.navigationNames),
            ("cover", PageContext.cover(volume, image: "images/cover.jpg"), PageContext.coverNames),
            ("style", PageContext.style(volume), PageContext.styleNames),
        ]
        for (page, context, names) in contexts {
            #expect(undeclared(context, names).isEmpty, "\(page): \(undeclared(context, names))")
        }
    }

    private func undeclared(_ context: [String: Any], _ names: TemplateNames) -> [String] {
        context.flatMap { key, value -> [String] in
            guard names.knows(key) else { return [key] }
            let items = value as? [[String: Any]] ?? []
            return items.flatMap { item in names.lists[key].map { undeclared(item, $0) } ?? Array(item.keys) }
                .map { key + "." + $0 }
        }
    }
}
