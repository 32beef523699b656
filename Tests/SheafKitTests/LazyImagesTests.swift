import Testing
@testable import SheafKit

@Suite struct LazyImagesTests {
    static func images(_ html: String) -> [String] {
        var found: [String] = []
        func visit(_ nodes: [HTMLNode]) {
            for case .element(let element) in nodes {
                if element.name == "img" { found.append(element.attributes["src"] ?? "") }
                visit(element.children)
            }
        }
        visit(LazyImages.resolve(HTMLDocumentParser().parse(html).nodes))
        return found
    }

    @Test func aPlaceholderTakesTheAddressALazyAttributeHolds() {
        #expect(Self.images(#"<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/a.jpg"></p>"#) == ["/a.jpg"])
        #expect(Self.images(#"<p><img data-lazy-src="b.png"></p>"#) == ["b.png"])
        #expect(Self.images(#"<p><img src="real.jpg" data-src="other.jpg"></p>"#) == ["real.jpg"])
    }

    @Test func theWidestCandidateOfASourceSetIsTaken() {
        #expect(Self.images(#"<img data-srcset="s.jpg 320w, l.jpg 1024w, m.jpg 640w">"#) == ["l.jpg"])
        #expect(Self.images(#"<img srcset="a.jpg 1x, b.jpg 2x">"#) == ["b.jpg"])
        #expect(LazyImages.bestCandidate("https://e.org/i.jpg?w=1,2 640w, https://e.org/j.jpg 1280w") == "https://e.org/j.jpg")
        #expect(LazyImages.bestCandidate(" ") == nil)
    }

    @Test func aPictureGivesItsImageTheSourcesAddress() {
        #expect(Self.images(#"<picture><source srcset="p.webp 800w"><img alt="x"></picture>"#) == ["p.webp"])
    }

    @Test func aNoscriptCopyReplacesThePlaceholderBeforeIt() {
        let html = #"<figure><img src="data:image/gif;base64,R0lGOD=" class="lazy"><noscript><img src="full.jpg" alt="Harbour"></noscript></figure>"#
        #expect(Self.images(html) == ["full.jpg"])
        // With no placeholder before it, the copy stands in its own place.
        #expect(Self.images(#"<p>Text</p><noscript><img src="only.jpg"></noscript>"#) == ["only.jpg"])
        // A noscript of other things is left alone.
        #expect(Self.images(#"<noscript><p>Enable scripts</p></noscript>"#).isEmpty)
    }
}
