import Testing
@testable import SheafKit

@Suite struct RewriteLinksTests {
    let links = RewriteLinks(source: "https://www.epochtimes.com/gb/20/3/8/n1.htm")

    @Test func everyKindOfLinkBecomesAnAnchor() {
        let html = "<p><ok href='/gb/tag/神韵.html' target=_blank>a</ok><span href='https://x.org/'>b</span>"
            + "<a href='http://y.org/' title=t>c</a></p>"
        #expect(rewritten(html, by: links) == "<p><a href=\"https://www.epochtimes.com/gb/tag/%E7%A5%9E%E9%9F%B5.html\">a</a>"
            + "<a href=\"https://x.org/\">b</a><a href=\"http://y.org/\">c</a></p>")
    }

    @Test func unusableLinksLeaveTheirText() {
        let html = "<p><ok href='../pages/73/1.md'>mirror</ok><a href='javascript:x()'>js</a><ok>bare</ok>"
            + "<a name='n'>anchor</a></p>"
        let mirror = RewriteLinks(source: "https://www.epochtimes.com/gb/20/3/8/n1.htm",
                                  policy: MirrorFormat().bodyPolicy(ofFile: "pages/73/2.md"))
        #expect(rewritten(html, by: mirror) == "<p>mirrorjsbareanchor</p>")
    }

    @Test func spansWithoutHrefStay() {
        #expect(rewritten("<p><span class='x'>s</span></p>", by: links) == "<p><span class=\"x\">s</span></p>")
    }

    @Test func linksToArticlesOfTheBookLeadToTheirChapters() {
        let other = ArticleHeader(id: "412985", channel: "73", title: "t", date: nil,
                                  source: "https://www.epochtimes.com/gb/20/3/9/n2.htm", site: nil, files: ["pages/73/412985.md"])
        let volume = Volume(key: "k", title: "t", subtitle: nil, collection: "c", fileName: "f.epub", language: "zh",
                            sections: [VolumeSection(title: nil, articles: [other])])
        let links = RewriteLinks(source: "https://www.epochtimes.com/gb/20/3/8/n1.htm", links: BookLinks(volume: volume),
                                 channel: "73", policy: MirrorFormat().bodyPolicy(ofFile: "pages/73/2.md"))
        let html = "<p><ok href='../pages/73/412985.md?t=1'>a</ok><a href='n2.htm'>b</a><a href='../9/n2.htm'>c</a>"
            + "<ok href='../pages/73/1.md'>absent</ok></p>"
        #expect(rewritten(html, by: links) == "<p><a href=\"c0001.xhtml\">a</a><a href=\"https://www.epochtimes.com/gb/20/3/8/n2.htm\">b</a>"
            + "<a href=\"c0001.xhtml\">c</a>absent</p>")
        // Without the mirror's policy a relative .md link is an ordinary page of the source site.
        let plain = RewriteLinks(source: "https://www.epochtimes.com/gb/20/3/8/n1.htm", links: BookLinks(volume: volume), channel: "73")
        #expect(rewritten("<p><a href='../pages/73/1.md'>x</a></p>", by: plain)
                == "<p><a href=\"https://www.epochtimes.com/gb/20/3/pages/73/1.md\">x</a></p>")
    }
}
