/// What the format that loaded a body tells the writer about its images and links, so that the writer need not
/// know the format: which pictures are the format's own furniture, which folder relative pictures may be read
/// from, and how a link to another article of the same input looks.
struct BodyPolicy: Sendable, Hashable, Codable {
    /// Endings of image paths (`.md.png`, compared in lower case, query ignored) that mark the format's own
    /// furniture beside an article (the mirror's QR codes of its page address): dropped from the chapter.
    var furnitureImageEndings: [String]
    /// The folder a relative image may be read from, and never from outside it (a mirror's collection root);
    /// nil: the article file's own folder.
    var imageRoot: String?
    /// The ending of a file or relative link that is another article of the same input (the mirror's `.md`):
    /// such a link is never resolved against the source site, and leads to that article's chapter when the book
    /// holds it (`<folder>/<stem>` names it). Nil: the input has no such links.
    var pageLinkEnding: String?
    /// The folder above the input's article folders, as its links name it (the mirror's `pages`).
    var pageFolder: String?

    /// A policy as given; by default no furniture, images only beside the article, and no links between pages.
    init(furnitureImageEndings: [String] = [], imageRoot: String? = nil, pageLinkEnding: String? = nil,
                pageFolder: String? = nil) {
        self.furnitureImageEndings = furnitureImageEndings
        self.imageRoot = imageRoot
        self.pageLinkEnding = pageLinkEnding
        self.pageFolder = pageFolder
    }

    /// Whether `href`, relative, names another article of the input by its file (compared in lower case).
    func isPageLink(_ href: String) -> Bool {
        guard let pageLinkEnding else { return false }
        return href.prefix { $0 != "?" && $0 != "#" }.lowercased().hasSuffix(pageLinkEnding)
    }

    /// Whether the image at `source` is furniture by its path's ending.
    func isFurniture(imageSource source: String) -> Bool {
        let path = (source.split(separator: "?", maxSplits: 1).first.map(String.init) ?? source).lowercased()
        return furnitureImageEndings.contains { path.hasSuffix($0) }
    }
}
