/// A mirror page file that should hold one article: its path, its folder (the channel) and its stem (the id).
struct ArticleFile: Sendable, Hashable, Codable {
    /// The path as opened (the user's argument joined with the walked components).
    var path: String
    /// The folder name the article is filed under: its channel.
    var channel: String
    /// The file stem: the article id.
    var id: String

    init(path: String, channel: String, id: String) {
        self.path = path
        self.channel = channel
        self.id = id
    }
}
