/// What the collector needs to know to turn articles into volumes.
struct CollectorOptions: Sendable, Equatable {
    var grouping: Grouping
    /// The collection's name (`mh-news`): first word of titles and file names.
    var collection: String
    /// Replaces the collection name in book titles (`--title`).
    var title: String?
    /// BCP 47 language of the books (`--language`); nil means detect from the article titles.
    var language: String?
    /// Only articles dated inside this window are packaged.
    var window: DateWindow
    /// First day of a week for `week` grouping, 1 = Monday (ISO weeks) … 7 = Sunday.
    var weekStart: Int
    /// Caps that split a volume into parts.
    var limits: VolumeLimits
    /// Only articles filed under these channels; nil for all.
    var channels: Set<String>?
    /// The books' file names, a pattern over `VolumeNaming.placeholders`; nil for `{collection}-{key}.epub`.
    var fileNamePattern: String?

    init(grouping: Grouping = .week, collection: String, title: String? = nil, language: String? = nil,
                window: DateWindow = DateWindow(), weekStart: Int = 1, limits: VolumeLimits = VolumeLimits(),
                channels: Set<String>? = nil, fileNamePattern: String? = nil) {
        self.grouping = grouping
        self.collection = collection
        self.title = title
        self.language = language
        self.window = window
        self.weekStart = weekStart
        self.limits = limits
        self.channels = channels
        self.fileNamePattern = fileNamePattern
    }
}
