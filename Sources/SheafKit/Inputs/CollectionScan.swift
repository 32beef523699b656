/// What walking the input paths found: the article files to read and the paths that could not be walked.
public struct CollectionScan: Sendable, Equatable {
    /// Candidate article files, sorted by path (byte order), each real file once.
    public var files: [ArticleFile]
    /// Missing paths, unreadable folders, symbolic-link loops (stage `.read`).
    public var problems: [Diagnostic]
    /// The collection's name: the folder that holds `pages/`, else the first path's last component.
    public var collectionName: String

    /// A scan result as given.
    public init(files: [ArticleFile], problems: [Diagnostic], collectionName: String) {
        self.files = files
        self.problems = problems
        self.collectionName = collectionName
    }
}
