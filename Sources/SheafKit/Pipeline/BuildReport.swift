import Foundation

/// The outcome of a build: every book and every input file, written as the `--report` JSON.
public struct BuildReport: Sendable, Equatable, Codable {
    /// One book of the build: written, unchanged, or failed.
    public struct VolumeEntry: Sendable, Equatable, Codable {
        /// `unchanged`: the catalog showed the book on disk was made from the same input, so it was left as is.
        public enum Status: String, Sendable, Codable { case written, unchanged, failed }
        /// The book's path as written (output folder joined with its file name).
        public var file: String
        /// The book's title.
        public var title: String
        /// The package identifier (`urn:uuid:…`); empty when the book failed before it had one.
        public var identifier: String
        /// Whether the book was written, left unchanged, or failed.
        public var status: Status
        /// Why the book could not be written.
        public var error: String?
        /// Packed: the report keeps a line for every article of the build. Users of the report see `articles`.
        var packedArticles: PackedList<ArticleEntry>

        /// A line for each article of the volume, in reading order.
        public var articles: [ArticleEntry] {
            get { Array(packedArticles) }
            set { packedArticles = PackedList(newValue) }
        }

        init(file: String, title: String, identifier: String, status: Status, error: String?,
             articles: PackedList<ArticleEntry>) {
            (self.file, self.title, self.identifier, self.status, self.error) = (file, title, identifier, status, error)
            self.packedArticles = articles
        }

        // The report's JSON says `articles`, as it did when the list was stored so.
        private enum CodingKeys: String, CodingKey {
            case file, title, identifier, status, error
            case packedArticles = "articles"
        }
    }

    /// One article of a book.
    public struct ArticleEntry: Sendable, Equatable, Codable {
        /// The article's title.
        public var title: String
        /// `YYYY-MM-DD`, or nil for an undated article.
        public var date: String?
        /// The original article's URL, when known.
        public var source: String?
        /// The article's XHTML path inside the book (the first part of a split chapter).
        public var chapter: String
        /// Every input path merged into this article, as opened.
        public var files: [String]
        /// The authors the input names, in its order; nil (left out of the JSON) when it names none.
        public var authors: [String]? = nil
        /// For a page whose article was found inside it: characters of text kept (whitespace not counted); nil
        /// for inputs that hold only their article.
        public var characters: Int? = nil
        /// For such a page: the pictures kept.
        public var images: Int? = nil
    }

    /// An input file that is in no book, and why.
    public struct SkippedFile: Sendable, Equatable, Codable {
        /// The input path, as opened.
        public var file: String
        /// Why the file is in no book.
        public var reason: String
    }

    /// Every book of the build, in build order.
    public var volumes: [VolumeEntry]
    /// Input files that could not be read as articles, with the reason.
    public var skipped: [SkippedFile]
    /// Repairs, merges and other things that lost nothing, per file.
    public var notes: [Diagnostic]
    /// Article files left out on purpose (outside the time window), with the reason.
    public var excluded: [SkippedFile]
    /// Books deleted by `--prune` because no volume of the plan makes them any more.
    public var pruned: [String]
    /// The books copied into the `--to` folder, or found there unchanged, or that could not be copied.
    public var sideloaded: [Sideload.Copy]

    /// A report with every field given.
    public init(volumes: [VolumeEntry], skipped: [SkippedFile], notes: [Diagnostic], excluded: [SkippedFile] = [],
                pruned: [String] = [], sideloaded: [Sideload.Copy] = []) {
        self.volumes = volumes
        self.skipped = skipped
        self.notes = notes
        self.excluded = excluded
        self.pruned = pruned
        self.sideloaded = sideloaded
    }

    /// The books that could not be written.
    public var failedVolumes: [VolumeEntry] { volumes.filter { $0.status == .failed } }
    /// The books written by this build.
    public var writtenVolumes: [VolumeEntry] { volumes.filter { $0.status == .written } }
    /// The books left as they were: made from the same input before.
    public var unchangedVolumes: [VolumeEntry] { volumes.filter { $0.status == .unchanged } }
    /// How many articles the books hold in all.
    public var articleCount: Int { volumes.reduce(0) { $0 + $1.packedArticles.count } }
    /// How many input files were the same article as another and were packaged once.
    public var mergedDuplicates: Int { notes.filter { $0.message.hasPrefix(Deduplicator.mergePrefix) }.count }

    /// One report for several builds (the recipes of a recipe file), in build order.
    public static func combining(_ reports: [BuildReport]) -> BuildReport {
        BuildReport(volumes: reports.flatMap(\.volumes), skipped: reports.flatMap(\.skipped),
                    notes: reports.flatMap(\.notes), excluded: reports.flatMap(\.excluded),
                    pruned: reports.flatMap(\.pruned), sideloaded: reports.flatMap(\.sideloaded))
    }

    /// Checks, before anything is built, that a report can be written at `path`: not a folder, in a folder that
    /// exists and is writable.
    public static func checkDestination(_ path: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw SheafError(stage: .write, file: path, "cannot write the report here: it is a folder; name a file")
        }
        let parent = (path as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw SheafError(stage: .write, file: path, "cannot write the report: no folder \(folder)")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw SheafError(stage: .write, file: path, "cannot write the report: the folder \(folder) is not writable")
        }
    }

    /// Pretty, key-sorted JSON: stable for the same build.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

extension BuildReport.ArticleEntry: Packable {
    func pack(into writer: inout PackedWriter) {
        writer.write(title)
        writer.write(date)
        writer.write(source)
        writer.write(chapter)
        writer.write(files)
        writer.write(authors ?? [])
        writer.write(characters)
        writer.write(images)
    }

    init(unpacking reader: inout PackedReader) {
        self.init(title: reader.readString(), date: reader.readOptionalString(), source: reader.readOptionalString(),
                  chapter: reader.readString(), files: reader.readStrings())
        let authors = reader.readStrings()
        self.authors = authors.isEmpty ? nil : authors
        characters = reader.readOptionalInt()
        images = reader.readOptionalInt()
    }
}
