/// What the format that loaded a body tells the writer about its images, so that the writer need not know the
/// format: which pictures are the format's own furniture, and which folder relative pictures may be read from.
public struct BodyPolicy: Sendable, Hashable, Codable {
    /// Endings of image paths (`.md.png`, compared in lower case, query ignored) that mark the format's own
    /// furniture beside an article (the mirror's QR codes of its page address): dropped from the chapter.
    public var furnitureImageEndings: [String]
    /// The folder a relative image may be read from, and never from outside it (a mirror's collection root);
    /// nil: the article file's own folder.
    public var imageRoot: String?

    /// A policy as given; by default no furniture and images only beside the article.
    public init(furnitureImageEndings: [String] = [], imageRoot: String? = nil) {
        self.furnitureImageEndings = furnitureImageEndings
        self.imageRoot = imageRoot
    }

    /// Whether the image at `source` is furniture by its path's ending.
    public func isFurniture(imageSource source: String) -> Bool {
        let path = (source.split(separator: "?", maxSplits: 1).first.map(String.init) ?? source).lowercased()
        return furnitureImageEndings.contains { path.hasSuffix($0) }
    }
}
