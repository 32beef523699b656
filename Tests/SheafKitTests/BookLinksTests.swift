import Testing
@testable import SheafKit

@Suite struct BookLinksTests {
    static let first = ArticleHeader(id: "412985", channel: "73", title: "一", date: nil,
                                     source: "http://www.minghui.org/mh/articles/2020/2/2/诚念-412985.html", site: nil,
                                     files: ["/c/pages/73/412985.md", "/c/pages/140/412985.md"])
    static let second = ArticleHeader(id: "n1", channel: "nf5951", title: "二", date: nil,
                                      source: "https://www.epochtimes.com/gb/20/3/8/n1.htm/", site: nil, files: ["/c/pages/nf5951/n1.md"])
    let links = BookLinks(volume: Volume(key: "k", title: "t", subtitle: nil, collection: "c", fileName: "f.epub", language: "zh",
                                         sections: [VolumeSection(title: nil, articles: [first, second])]))

    @Test func mirrorPagesOfAnyShapeLeadToTheirChapter() {
        for href in ["../pages/73/412985.md", "../../pages/73/412985.md?t=1626850000", "pages/140/412985.md",
                     "../73/412985.md", "412985.md", "./412985.md#x",
                     "https://github.com/owner/repo/blob/master/pages/73/412985.md"] {
            #expect(links.chapter(forMirrorLink: href, channel: "73") == "c0001.xhtml", "\(href)")
        }
        #expect(links.chapter(forMirrorLink: "../pages/nf5951/n1.md", channel: "73") == "c0002.xhtml")
    }

    @Test func pagesNotInTheBookOrNotMirrorPagesLeadNowhere() {
        for href in ["../pages/73/999.md", "n1.md", "docs/73/412985.md", "https://example.org/pages/73/412985.md",
                     "../pages/73/412985.html"] {
            #expect(links.chapter(forMirrorLink: href, channel: "140") == nil, "\(href)")
        }
        #expect(BookLinks.none.chapter(forMirrorLink: "../pages/73/412985.md", channel: "73") == nil)
    }

    @Test func originalURLsMatchLikeTheDeduplicatorAndWithoutTheTitleSlug() {
        #expect(links.chapter(forURL: "http://www.epochtimes.com/gb/20/3/8/n1.htm#top") == "c0002.xhtml")
        #expect(links.chapter(forURL: LinkResolver.percentEncoded(Self.first.source ?? "")) == "c0001.xhtml")
        #expect(links.chapter(forURL: "https://www.minghui.org/mh/articles/2020/2/2/412985.html") == "c0001.xhtml")
        #expect(links.chapter(forURL: "https://www.minghui.org/mh/articles/2020/2/3/412985.html") == nil)
    }
}
