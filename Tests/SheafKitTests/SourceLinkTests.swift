import Testing
@testable import SheafKit

@Suite struct SourceLinkTests {
    @Test func encodesWhatAnHrefCannotHold() {
        #expect(SourceLink.href(for: "https://example.com/a b/文?q=1&r=\"x\"") == "https://example.com/a%20b/%E6%96%87?q=1&r=%22x%22")
        #expect(SourceLink.href(for: "http://x/<y>[z]{w}|^`\\") == "http://x/%3Cy%3E%5Bz%5D%7Bw%7D%7C%5E%60%5C")
    }

    @Test func keepsValidEscapesAndEncodesStrayPercents() {
        #expect(SourceLink.href(for: "http://x/a%20b%zz%") == "http://x/a%20b%25zz%25")
    }

    @Test func linksOnlyWebAddresses() {
        #expect(SourceLink.href(for: "  HTTPS://example.com/  ") == "https://example.com/")
        #expect(SourceLink.href(for: "javascript:alert(1)") == nil)
        #expect(SourceLink.href(for: "www.example.com/x") == nil)
    }

    @Test func aLinkIsNamedByTheSiteElseByItsShortHost() {
        let href = "https://www.minghui.org/mh/articles/1.html"
        #expect(SourceLink.name(for: href, site: "明慧网") == "明慧网")
        #expect(SourceLink.name(for: href, site: "www.minghui.org") == "minghui.org")
        #expect(SourceLink.name(for: href, site: nil) == "minghui.org")
        #expect(SourceLink.name(for: "http://user@Example.COM:8080/x", site: "") == "example.com")
    }
}
