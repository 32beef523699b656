/// A mirror page file that should hold one article: its path, its folder (the channel) and its stem (the id).
public struct ArticleFile: Sendable, Hashable, Codable {
    /// The path as opened (the user's argument joined with the walked components).
    public var path: String
    /// The folder name the article is filed under: its channel.
    public var channel: String
    /// The file stem: the article id.
    public var id: String

    public init(path: String, channel: String, id: String) {
        self.path = path
        self.channel = channel
        self.id = id
    }
}
