/// The one rule naming chapter files: article `n` of a volume (from 1) is `text/c000n.xhtml`, and the later
/// parts of a split chapter are `c000n-2.xhtml`, `c000n-3.xhtml`…
///
/// Shared by the assembler, which writes the files, and by `BookLinks`, which points links at them.
enum ChapterNaming {
    /// Where the pages sit relative to the package document.
    static let textFolder = "text"

    /// Manifest id of part `part` (from 1) of chapter `number` (from 1).
    static func id(number: Int, part: Int = 1) -> String {
        let name = "c" + ArticleDate.pad(number, 4)
        return part == 1 ? name : "\(name)-\(part)"
    }

    /// The part's file name, relative to the text folder (`c0001.xhtml`): how chapters link to each other.
    static func fileName(number: Int, part: Int = 1) -> String {
        id(number: number, part: part) + ".xhtml"
    }

    /// The part's path relative to the package document (`text/c0001.xhtml`).
    static func href(number: Int, part: Int = 1) -> String {
        textFolder + "/" + fileName(number: number, part: part)
    }
}
