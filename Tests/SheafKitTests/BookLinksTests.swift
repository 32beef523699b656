import Testing
@testable import SheafKit

@Suite struct BookLinksTests {
    static let first = ArticleHeader(id: "412985", channel: "73", title: "一", date: nil,
                                     source: "http://www.minghui.org/mh/articles/2020/2/2/诚念-412985.html", site: nil,
                                     files: ["/c/pages/73/412985.md", "/c/pages/140/412985.md"])
    static let second = ArticleHeader(id: "n1", channel: "nf5951", title: "二", date: nil,
                                      source: "https://www.epochtimes.com/gb/20/3/8/n1.htm/", site: nil, files: ["/c/pages/nf5951/n1.md"])
    static let mirror = MirrorFormat().bodyPolicy(ofFile: "/c/pages/73/1.md")
    let links = BookLinks(volume: Volume(key: "k", title: "t", subtitle: nil, collection: "c", fileName: "f.epub", language: "zh",
                                         sections: [VolumeSection(title: nil, articles: [first, second])]),
                          policy: { _ in Self.mirror })

    @Test func mirrorPagesOfAnyShapeLeadToTheirChapter() {
        for href in ["../pages/73/412985.md", "../../pages/73/412985.md?t=1626850000", "pages/140/412985.md",
                     "../73/412985.md", "412985.md", "./412985.md#x",
                     "https://github.com/owner/repo/blob/master/pages/73/412985.md"] {
            #expect(links.chapter(forPageLink: href, channel: "73", policy: Self.mirror) == "c0001.xhtml", "\(href)")
        }
        #expect(links.chapter(forPageLink: "../pages/nf5951/n1.md", channel: "73", policy: Self.mirror) == "c0002.xhtml")
    }

    @Test func pagesNotInTheBookOrNotMirrorPagesLeadNowhere() {
        for href in ["../pages/73/999.md", "n1.md", "docs/73/412985.md", "https://example.org/pages/73/412985.md",
                     "../pages/73/412985.html"] {
            #expect(links.chapter(forPageLink: href, channel: "140", policy: Self.mirror) == nil, "\(href)")
        }
        #expect(BookLinks.none.chapter(forPageLink: "../pages/73/412985.md", channel: "73", policy: Self.mirror) == nil)
    }

    @Test func aFormatWithoutPageLinksLinksNoPage() {
        #expect(links.chapter(forPageLink: "../pages/73/412985.md", channel: "73", policy: BodyPolicy()) == nil)
        let unmerged = BookLinks(volume: Volume(key: "k", title: "t", subtitle: nil, collection: "c", fileName: "f.epub",
                                                language: "zh", sections: [VolumeSection(title: nil, articles: [Self.first])]))
        // The merged file's page is known only through the policy; the article's own channel/id always is.
        #expect(unmerged.chapter(forPageLink: "../pages/140/412985.md", channel: "73", policy: Self.mirror) == nil)
        #expect(unmerged.chapter(forPageLink: "../pages/73/412985.md", channel: "73", policy: Self.mirror) == "c0001.xhtml")
    }

    @Test func originalURLsMatchLikeTheDeduplicatorAndWithoutTheTitleSlug() {
        #expect(links.chapter(forURL: "http://www.epochtimes.com/gb/20/3/8/n1.htm#top") == "c0002.xhtml")
        #expect(links.chapter(forURL: LinkResolver.percentEncoded(Self.first.source ?? "")) == "c0001.xhtml")
        #expect(links.chapter(forURL: "https://www.minghui.org/mh/articles/2020/2/2/412985.html") == "c0001.xhtml")
        #expect(links.chapter(forURL: "https://www.minghui.org/mh/articles/2020/2/3/412985.html") == nil)
    }
}
