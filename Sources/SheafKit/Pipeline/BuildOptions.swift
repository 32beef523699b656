import Foundation

/// Everything a build is asked to do: inputs, grouping, naming and where books go.
public struct BuildOptions: Sendable, Equatable {
    /// Collection roots, folders below them, or single article files.
    public var inputs: [String]
    /// Folder the books are written to; created when missing.
    public var outputDirectory: String
    /// How articles are grouped into books.
    public var grouping: Grouping
    /// Replaces the collection name in book titles.
    public var title: String?
    /// BCP 47 language of the books; nil detects it from the titles.
    public var language: String?
    /// Folder whose templates (by file name) replace the built-in ones.
    public var templatesDirectory: String?
    /// How many volumes are made at once.
    public var jobs: Int
    /// Only articles dated inside this window are packaged.
    public var window: DateWindow
    /// First day of a week for `week` grouping, 1 = Monday (ISO weeks) … 7 = Sunday.
    public var weekStart: Int
    /// Caps that split a volume into parts.
    public var limits: VolumeLimits
    /// Only articles filed under these channels; nil for all.
    public var channels: [String]?
    /// With `index` grouping, only these index pages (by name, `73`, or path, `indexes/73.md`); nil for all.
    public var indexes: [String]?
    /// The books' file names, e.g. `{collection}-{key}.epub`; nil for the default.
    public var fileNamePattern: String?
    /// Keep a catalog in the output folder and rewrite only the books whose input changed.
    public var catalog: Bool
    /// Package again articles that an earlier book of the catalog already holds.
    public var repeatArticles: Bool
    /// Delete the catalog's books that no volume of this build makes any more.
    public var prune: Bool
    /// An image to use as every book's cover instead of the generated ones.
    public var coverFile: String?
    /// An offline image cache laid out by URL (`DIR/host/path`): remote images found there are embedded.
    public var imagesDirectory: String?
    /// The reader the books are made for (`--device`).
    public var device: DeviceProfile
    /// A folder (a mounted reader's) every finished book is copied into (`--to`).
    public var sideloadDirectory: String?
    /// Wait while another run holds the output folder's lock; off (`--no-wait`), fail at once naming it.
    public var waitsForLock = true
    /// The input format every input is read as (`--format mirror`); nil lets the door choose each file's.
    public var format: String?
    /// How the article is found in saved web pages (`--extract`, `--keep`, `--remove`, a recipe's `sites`).
    public var extraction = PageExtraction()
    /// The series the books belong to: a recipe's name; nil derives one per collection (`series(of:)`).
    public var series: String?

    /// Options for building `inputs`; every other option has its `sheaf build` default.
    public init(inputs: [String], outputDirectory: String = "books", grouping: Grouping = .week,
                title: String? = nil, language: String? = nil, templatesDirectory: String? = nil,
                jobs: Int = BuildOptions.defaultJobs, window: DateWindow = DateWindow(), weekStart: Int = 1,
                limits: VolumeLimits = VolumeLimits(), channels: [String]? = nil, indexes: [String]? = nil,
                fileNamePattern: String? = nil, catalog: Bool = true, repeatArticles: Bool = false,
                prune: Bool = false, coverFile: String? = nil,
                imagesDirectory: String? = nil, device: DeviceProfile = .generic,
                sideloadDirectory: String? = nil, series: String? = nil) {
        self.inputs = inputs
        self.outputDirectory = outputDirectory
        self.grouping = grouping
        self.title = title
        self.language = language
        self.templatesDirectory = templatesDirectory
        self.jobs = max(1, jobs)
        self.window = window
        self.weekStart = weekStart
        self.limits = limits
        self.channels = channels
        self.indexes = indexes
        self.fileNamePattern = fileNamePattern
        self.catalog = catalog
        self.repeatArticles = repeatArticles
        self.prune = prune
        self.coverFile = coverFile
        self.imagesDirectory = imagesDirectory
        self.device = device
        self.sideloadDirectory = sideloadDirectory
        self.series = series
    }

    /// The series of the books made from `collection`: the catalog's repeat filter and `--prune` apply only within
    /// one. `series` when set, else the collection with the grouping, device and file-name pattern — what one
    /// command line makes into a folder, run after run.
    public func series(of collection: String) -> String {
        series ?? [collection, grouping.rawValue, device.device.rawValue, fileNamePattern ?? "{collection}-{key}.epub"]
            .joined(separator: " · ")
    }

    /// One job per active core.
    public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

extension BuildOptions {
    /// The door the build reads its inputs through: the format forced, web pages read by `extraction`.
    var inputDoor: InputDoor {
        (try? InputDoor(format: format, extraction: extraction)) ?? .standard
    }
}
