import Testing
@testable import SheafKit

@Suite struct LinkResolverTests {
    let resolver = LinkResolver(source: "http://www.minghui.org/mh/articles/2020/6/20/x-407787.html")

    @Test func keepsWebAndMailLinks() {
        #expect(resolver.resolve("https://example.org/a?b=1&c=2#top") == "https://example.org/a?b=1&c=2#top")
        #expect(resolver.resolve("HTTP://Example.org/") == "http://Example.org/")
        #expect(resolver.resolve("mailto:someone@example.org") == "mailto:someone@example.org")
    }

    @Test func resolvesAgainstTheSource() {
        #expect(resolver.resolve("//img.example.org/a.jpg") == "http://img.example.org/a.jpg")
        #expect(resolver.resolve("/mh/glossary.html#37") == "http://www.minghui.org/mh/glossary.html#37")
        #expect(resolver.resolve("y-1.html") == "http://www.minghui.org/mh/articles/2020/6/20/y-1.html")
        #expect(LinkResolver(source: nil).resolve("/a") == nil)
        #expect(LinkResolver(source: nil).resolve("//a.org/b") == "https://a.org/b")
    }

    @Test func dropsWhatABookCannotFollow() {
        for href in ["javascript:void(0)", "data:text/html,x", "#note1", "", "  ",
                     "ftp://x.org/", "http://", "http:///path", "http://a b/",
                     // Absolute URLs mangled on their way into the page: never resolved as paths.
                     "https:https://img.example.org/a.jpg", "http:/img.example.org/a.jpg", "https//img.example.org/a.jpg",
                     "HTTP//img.example.org/a.jpg", "https:\\img.example.org\\a.jpg", "http://img exam ple.org/a.jpg"] {
            #expect(resolver.resolve(href) == nil, "\(href)")
        }
    }

    @Test func tellsPathsRelativeToThePagesFolder() {
        for href in ["../pages/73/1.md", "1.md?t=2020", "a/b.html"] { #expect(LinkResolver.isRelativePath(href), "\(href)") }
        for href in ["/a.md", "//x.org/a.md", "https://x.org/a.md", "\\\\x\\a.md"] {
            #expect(!LinkResolver.isRelativePath(href), "\(href)")
        }
    }

    @Test func percentEncodesWhatURLsMayNotContain() {
        #expect(resolver.resolve(" https://x.org/tag/刷脸 a\"b ") == "https://x.org/tag/%E5%88%B7%E8%84%B8%20a%22b")
        #expect(resolver.resolve("https://x.org/a%20b%zz#f#g") == "https://x.org/a%20b%25zz#f%23g")
        #expect(resolver.resolve("https://x.org/a\n b") == "https://x.org/a%20b")
    }

    @Test func checksHosts() {
        #expect(resolver.resolve("https://例子.中国/a") == "https://例子.中国/a")
        #expect(resolver.resolve("https://x.org:8080/") == "https://x.org:8080/")
        #expect(resolver.resolve("https://x.org:80a/") == nil)
        #expect(resolver.resolve("https://user@x.org/") == nil)
    }

    @Test func dotSegmentsAreApplied() {
        #expect(resolver.resolve("../21/y.html?a=../b") == "http://www.minghui.org/mh/articles/2020/6/21/y.html?a=../b")
        #expect(resolver.resolve("/../a/./b/..") == "http://www.minghui.org/a/")
        #expect(LinkResolver.removingDotSegments("/a/b/../../../c") == "/c")
    }

    /// Hosts are letters, digits, dots and hyphens of any script; the rest of a URL is percent-encoded bytewise.
    @Test func encodesURLsAndChecksTheirHosts() {
        #expect(LinkResolver.encodedURL("http://a-b.example.org:8080/x y/中#f#g%4a%zz")
            == "http://a-b.example.org:8080/x%20y/%E4%B8%AD#f%23g%4a%25zz")
        #expect(LinkResolver.encodedURL("http://例え.テスト/p") == "http://例え.テスト/p")
        #expect(LinkResolver.encodedURL("http://a_b.org/") == nil)
        #expect(LinkResolver.encodedURL("http://-a.org/") == nil)
        #expect(LinkResolver.encodedURL("http://a.org:8o/") == nil)
        #expect(LinkResolver.encodedURL("http://a\r\n.org/") == nil)
        #expect(LinkResolver.percentEncoded("mailto:ä\"") == "mailto:%C3%A4%22")
    }

    @Test func readsHosts() {
        #expect(LinkResolver.host(ofURL: "https://www.secretchina.com/news/gb/x.html") == "www.secretchina.com")
        #expect(LinkResolver.host(ofURL: "http://user@Example.ORG:8080/x") == "example.org")
        #expect(LinkResolver.host(ofURL: "https://example.org") == "example.org")
        #expect(LinkResolver.host(ofURL: "/relative/path") == nil)
    }
}
