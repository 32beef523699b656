import Foundation
import Testing
@testable import SheafKit

@Suite struct LocalImageTests {
    /// A collection `root/pages/73/1.md` with `root/pages/73/pic.png`, `root/img/b.gif`, a secret beside the root
    /// and a link from inside the root to it.
    private func collection() throws -> (root: String, article: String, cleanup: () -> Void) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("local-\(UUID().uuidString)").path
        let root = base + "/mh-news"
        let manager = FileManager.default
        try manager.createDirectory(atPath: root + "/pages/73", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: root + "/img", withIntermediateDirectories: true)
        try Data(TestImages.bytes(TestImages.png)).write(to: URL(fileURLWithPath: root + "/pages/73/pic.png"))
        try Data(TestImages.bytes(TestImages.gif)).write(to: URL(fileURLWithPath: root + "/img/b c.gif"))
        try Data(TestImages.bytes(TestImages.jpeg)).write(to: URL(fileURLWithPath: base + "/secret.jpg"))
        try manager.createSymbolicLink(atPath: root + "/img/out.jpg", withDestinationPath: base + "/secret.jpg")
        try Data("<p>x</p>".utf8).write(to: URL(fileURLWithPath: root + "/pages/73/1.md"))
        return (root, root + "/pages/73/1.md", { try? manager.removeItem(atPath: base) })
    }

    @Test func relativePathsInsideTheRootAreRead() throws {
        let (root, article, cleanup) = try collection()
        defer { cleanup() }
        guard case .found(.picture(let png)) = LocalImage.lookup("pic.png", articleFile: article, root: root),
              case .found(.picture(let gif)) = LocalImage.lookup("../../img/b%20c.gif?v=2", articleFile: article, root: root) else {
            Issue.record("the local images were not found")
            return
        }
        #expect(png.mediaType == "image/png" && gif.mediaType == "image/gif")
        #expect(LocalImage.lookup("gone.png", articleFile: article, root: root) == .missing)
    }

    @Test func aFIFONamedLikeAPictureIsNotWaitedOn() throws {
        let (root, article, cleanup) = try collection()
        defer { cleanup() }
        #expect(mkfifo(root + "/pages/73/pipe.jpg", 0o644) == 0)
        // Opened without blocking and recognised by its type (a plain open would wait for a writer forever).
        #expect(LocalImage.lookup("pipe.jpg", articleFile: article, root: root)
            == .found(.unusable(reason: "is not a regular file (a FIFO, device or socket?)")))
    }

    @Test func pathsLeavingTheRootAreRefused() throws {
        let (root, article, cleanup) = try collection()
        defer { cleanup() }
        #expect(LocalImage.lookup("../../../secret.jpg", articleFile: article, root: root) == .refused("leaves the collection folder"))
        #expect(LocalImage.lookup("../../img/out.jpg", articleFile: article, root: root)
            == .refused("is a link leading out of the collection folder"))
        #expect(LocalImage.lookup("file:///etc/passwd", articleFile: article, root: root) == .refused("is a file: URL"))
    }

    @Test func siteAddressesAreNotLocal() {
        for source in ["/a.jpg", "https://x.org/a.jpg", "//x.org/a.jpg", "", "#top"] {
            #expect(LocalImage.lookup(source, articleFile: "/c/pages/73/1.md") == .notLocal)
        }
    }

    @Test func withoutARootOnlyTheArticlesFolderIsRead() throws {
        let (_, article, cleanup) = try collection()
        defer { cleanup() }
        #expect(LocalImage.lookup("../../img/b%20c.gif", articleFile: article) == .refused("leaves the collection folder"))
        guard case .found(.picture) = LocalImage.lookup("pic.png", articleFile: article) else {
            Issue.record("the image beside the article was not found")
            return
        }
    }

    @Test func chapterEmbedsLocalImagesAndReportsRefusedOnes() throws {
        let (_, article, cleanup) = try collection()
        defer { cleanup() }
        let header = ArticleHeader(id: "1", channel: "73", title: "t", date: nil, source: nil, site: nil, files: [article])
        let body = #"<p>a <img src="pic.png" alt="p"/> b <img src="../../../secret.jpg" alt="s"/></p>"#
        let (chapter, diagnostics) = XHTMLWriter(language: "en").chapter(for: Article(header: header, bodyHTML: body))
        #expect(chapter.images.map(\.mediaType) == ["image/png"])
        #expect(chapter.blocks.joined().contains(#"src="../images/\#(chapter.images[0].name)""#))
        #expect(chapter.blocks.joined().contains("[Image: s]"))
        #expect(diagnostics.map(\.message)
            == ["image ../../../secret.jpg leaves the collection folder; not read, replaced by a placeholder"])
    }

    @Test func relativeImagesAreReadAgainstTheBaseTheFormatGives() throws {
        let (root, article, cleanup) = try collection()
        defer { cleanup() }
        // The header names a file elsewhere (a feed's entry, say); the body's base is the article's folder.
        let header = ArticleHeader(id: "1", channel: "73", title: "t", date: nil, source: nil, site: nil,
                                   files: [root + "/feed.xml"])
        let body = #"<p>a <img src="pic.png" alt="p"/></p>"#
        let writer = XHTMLWriter(language: "en")
        let based = writer.chapter(for: Article(header: header, bodyHTML: body, base: article)).chapter
        #expect(based.images.map(\.mediaType) == ["image/png"])
        let unbased = writer.chapter(for: Article(header: header, bodyHTML: body)).chapter
        #expect(unbased.images.isEmpty && unbased.blocks.joined().contains("[Image: p]"))
    }

    @Test func remoteImagesAreReadFromTheCacheByURL() throws {
        let (root, article, cleanup) = try collection()
        defer { cleanup() }
        let cache = root + "/../cache"
        try FileManager.default.createDirectory(atPath: cache + "/www.minghui.org/img", withIntermediateDirectories: true)
        try Data(TestImages.bytes(TestImages.png)).write(to: URL(fileURLWithPath: cache + "/www.minghui.org/img/a b.png"))
        guard case .found(.picture(let png)) = LocalImage.cached("https://www.minghui.org/img/a%20b.png?x=1", in: cache)
        else {
            Issue.record("the cached image was not found")
            return
        }
        #expect(png.mediaType == "image/png")
        #expect(LocalImage.cached("https://www.minghui.org/img/none.png", in: cache) == .missing)
        #expect(LocalImage.cached("https://www.minghui.org/%2e%2e/%2e%2e/secret.jpg", in: cache)
            == .refused("leaves the image cache"))
        // In a chapter: a root-relative address resolved against the article's source.
        let header = ArticleHeader(id: "1", channel: "73", title: "t", date: nil,
                                   source: "https://www.minghui.org/mh/1.html", site: nil, files: [article])
        var writer = XHTMLWriter(language: "en")
        writer.imageCache = cache
        let body = #"<p>a <img src="/img/a%20b.png" alt="p"/> <img src="/img/none.png" alt="n"/></p>"#
        let (chapter, _) = writer.chapter(for: Article(header: header, bodyHTML: body))
        #expect(chapter.images.map(\.mediaType) == ["image/png"])
        #expect(chapter.blocks.joined().contains(#"[<a href="https://www.minghui.org/img/none.png">Image</a>: n]"#))
    }

    @Test func aLinkInTheCacheLeadingOutIsRefused() throws {
        let (root, _, cleanup) = try collection()
        defer { cleanup() }
        let cache = root + "/../cache"
        try FileManager.default.createDirectory(atPath: cache + "/x.org", withIntermediateDirectories: true)
        try Data(TestImages.bytes(TestImages.png)).write(to: URL(fileURLWithPath: root + "/../outside.png"))
        try FileManager.default.createSymbolicLink(atPath: cache + "/x.org/a.png", withDestinationPath: root + "/../outside.png")
        try FileManager.default.createSymbolicLink(atPath: cache + "/x.org/up", withDestinationPath: root + "/..")
        #expect(LocalImage.cached("https://x.org/a.png", in: cache) == .refused("is a link leading out of the image cache"))
        #expect(LocalImage.cached("https://x.org/up/outside.png", in: cache) == .refused("is a link leading out of the image cache"))
        #expect(LocalImage.cached("https://../outside.png", in: cache) == .missing)
    }
}
