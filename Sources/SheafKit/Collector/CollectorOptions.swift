/// What the collector needs to know to turn articles into volumes.
public struct CollectorOptions: Sendable, Equatable {
    public var grouping: Grouping
    /// The collection's name (`mh-news`): first word of titles and file names.
    public var collection: String
    /// Replaces the collection name in book titles (`--title`).
    public var title: String?
    /// BCP 47 language of the books (`--language`); nil means detect from the article titles.
    public var language: String?

    public init(grouping: Grouping = .week, collection: String, title: String? = nil, language: String? = nil) {
        self.grouping = grouping
        self.collection = collection
        self.title = title
        self.language = language
    }
}
