/// One kind of input Sheaf reads (the mirror's Markdown pages today; later saved web pages, feeds…).
///
/// A format recognises its files, lists the articles a file holds as headers with their bodies as read (one at a
/// time, so a file of thousands is never held whole), and loads one article's body again on demand. What it knows
/// of its layout stays in its own folder under `Inputs/`: the rest of Sheaf sees headers and bodies only.
protocol InputFormat: Sendable {
    /// The name `--format` and the recipe key `format` give (`mirror`).
    var name: String { get }

    /// What the format makes of a file named `name`; `firstBytes` (the file's start) are given for a path named
    /// as an input, where the name may not say, and are nil for a file met while walking a folder.
    func recognises(name: String, firstBytes: [UInt8]?) -> InputRecognition

    /// Reads the file at `path` and hands over each article it holds, header and body as read, in the file's
    /// order, or the reason the file (or one of its entries) cannot be read.
    func readArticles(in path: String, each: (Result<Article, Diagnostic>) -> Void)

    /// The body of the article at `reference`, read again, with what the writer needs to place its links and images.
    func loadBody(_ reference: EntryReference) -> Result<ArticleBody, Diagnostic>

    /// What the writer is told about the images of the bodies of the file at `path`.
    func bodyPolicy(ofFile path: String) -> BodyPolicy

    /// The one folder to walk instead of a folder holding `names` (a collection's own article folder), if any.
    func articleFolder(among names: [String]) -> String?

    /// Whether a folder of this name holds no articles of this format, so a walk does not enter it.
    func skipsFolder(named name: String) -> Bool

    /// The name of the collection an article file is filed in (`mh-news`), or nil when it is filed in none.
    func collectionName(ofFile path: String) -> String?

    /// The root folder of the collection an article file is filed in, as its path is written, or nil.
    func collectionRoot(ofFile path: String) -> String?

    /// The name of the collection at or above `path`, if the format finds one.
    func collectionName(around path: String) -> String?

    /// The reading lists of the collection at `root` (a mirror's index pages) and the problems met.
    func indexes(ofCollectionAt root: String) -> (indexes: [IndexListing], problems: [Diagnostic])

    /// The file an index page named `name` would be in the collection at `root`.
    func indexFile(named name: String, inCollectionAt root: String) -> String
}

/// What a format makes of a file.
enum InputRecognition: Sendable, Equatable {
    /// The format reads it.
    case articles
    /// The format knows it and it holds no article (a README, an index page, a QR image): passed over silently.
    case furniture
    /// Not the format's file.
    case unknown
}
