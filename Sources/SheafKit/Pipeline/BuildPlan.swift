/// What a build will make, before anything is written: the volumes and every input file's fate.
public struct BuildPlan: Sendable, Equatable, Codable {
    /// The collection's name, from its root folder.
    public var collection: String
    /// The books to make, in build order.
    public var volumes: [Volume]
    /// Input files that could not be read as articles, with the reason.
    public var skipped: [Diagnostic]
    /// Things worth knowing that lose nothing: duplicates merged, undated articles, shared ids.
    public var notes: [Diagnostic]
    /// Article files left out on purpose (outside the time window), with the reason.
    public var excluded: [Diagnostic]

    /// A plan with every field given.
    public init(collection: String, volumes: [Volume], skipped: [Diagnostic], notes: [Diagnostic],
                excluded: [Diagnostic] = []) {
        self.collection = collection
        self.volumes = volumes
        self.skipped = skipped
        self.notes = notes
        self.excluded = excluded
    }

    /// How many articles the books hold in all.
    public var articleCount: Int { volumes.reduce(0) { $0 + $1.articleCount } }
}
