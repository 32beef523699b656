/// What walking the input paths found: the article files to read and the paths that could not be walked.
struct CollectionScan: Sendable, Equatable {
    /// Article files with their formats, sorted by path (byte order), each real file once.
    var files: [InputFile]
    /// Missing paths, unreadable folders, symbolic-link loops (stage `.read`).
    var problems: [Diagnostic]
    /// The collection's name, as a format finds it (the mirror: the folder that holds `pages/`), else the first path's last component.
    var collectionName: String

    /// A scan result as given.
    init(files: [InputFile], problems: [Diagnostic], collectionName: String) {
        self.files = files
        self.problems = problems
        self.collectionName = collectionName
    }
}
