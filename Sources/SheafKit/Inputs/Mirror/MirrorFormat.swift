import Foundation

/// The mirror format: a collection root holding `pages/<channel>/<id>.md` (each file one article: `### TITLE`,
/// a menu line, an HTML body, a share block, `原文地址…：URL`), and `indexes/<name>.md` reading lists titled by
/// the root's README menu.
struct MirrorFormat: InputFormat {
    let name = "mirror"

    /// File name extensions of article files (compared in lower case).
    static let articleExtensions: Set<String> = ["md", "markdown", "txt"]

    init() {}

    // MARK: - Recognising

    /// By name: `*.md`, `*.markdown`, `*.txt` are articles, except READMEs, `index` pages and the share block's
    /// `<id>.md.png` QR images. By first bytes (a path named without such a name): text opening with a heading or a tag.
    func recognises(name: String, firstBytes: [UInt8]?) -> InputRecognition {
        let lower = name.lowercased()
        if lower.hasSuffix(".md.png") { return .furniture }
        if let dot = lower.lastIndex(of: "."), Self.articleExtensions.contains(String(lower[lower.index(after: dot)...])) {
            let stem = lower[..<dot]
            return stem.isEmpty || stem.hasPrefix("readme") || stem == "index" ? .furniture : .articles
        }
        guard let firstBytes else { return .unknown }
        return Self.looksLikePage(firstBytes) ? .articles : .unknown
    }

    /// Text (no NUL byte) whose first visible character opens a Markdown heading or an HTML tag.
    static func looksLikePage(_ bytes: [UInt8]) -> Bool {
        guard !bytes.contains(0) else { return false }
        let text = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        let first = text.first { ![UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t")].contains($0) }
        return first == UInt8(ascii: "#") || first == UInt8(ascii: "<")
    }

    func articleFolder(among names: [String]) -> String? {
        names.contains("pages") ? "pages" : nil
    }

    func skipsFolder(named name: String) -> Bool {
        name == "indexes"
    }

    // MARK: - Reading

    func readArticles(in path: String, each: (Result<Article, Diagnostic>) -> Void) {
        each(MirrorArticleReader().read(Self.file(at: path)).map { article in
            var read = article
            read.header.folder = read.header.channel
            return read
        })
    }

    func loadBody(_ reference: EntryReference) -> Result<ArticleBody, Diagnostic> {
        MirrorArticleReader().readBody(Self.file(at: reference.file)).map {
            ArticleBody(html: $0, base: reference.file, policy: bodyPolicy(ofFile: reference.file))
        }
    }

    /// The share block's `<id>.md.png` QR codes are furniture; images are read from the collection root; links
    /// to other pages are `pages/<channel>/<id>.md`, `../<channel>/<id>.md` or `<id>.md`.
    func bodyPolicy(ofFile path: String) -> BodyPolicy {
        BodyPolicy(furnitureImageEndings: [".md.png"], imageRoot: Self.imageRoot(of: path), pageLinkEnding: ".md",
                   pageFolder: "pages")
    }

    /// The folder holding `pages/` above the article (absolute), else the article's folder.
    static func imageRoot(of articleFile: String) -> String {
        let absolute = articleFile.hasPrefix("/")
            ? articleFile : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(articleFile)
        let components = (absolute as NSString).pathComponents
        if let pages = components.dropLast().lastIndex(of: "pages"), pages > 0 {
            return NSString.path(withComponents: Array(components[..<pages]))
        }
        return (absolute as NSString).deletingLastPathComponent
    }

    /// The file at `path` as the mirror files it: its folder is its channel, its stem its id.
    static func file(at path: String) -> ArticleFile {
        ArticleFile(path: path, channel: InputPath.folderName(of: path), id: InputPath.stem(of: path))
    }

    // MARK: - Collections

    func collectionName(ofFile path: String) -> String? { Self.collectionName(of: path) }

    func collectionRoot(ofFile path: String) -> String? { Self.collectionRoot(of: path) }

    /// The name of the first folder holding `pages/` at or above `path`.
    func collectionName(around path: String) -> String? {
        var folder = InputPath.isFolder(path) ? InputPath.absolute(path) : InputPath.parent(InputPath.absolute(path))
        while folder != "/" && !folder.isEmpty {
            if InputPath.isFolder(InputPath.join(folder, "pages")) { return InputPath.lastComponent(folder) }
            folder = InputPath.parent(folder)
        }
        return nil
    }

    func indexes(ofCollectionAt root: String) -> (indexes: [IndexListing], problems: [Diagnostic]) {
        IndexReader().indexes(ofCollectionAt: root)
    }

    func indexFile(named name: String, inCollectionAt root: String) -> String {
        InputPath.join(root, "indexes/" + name + ".md")
    }

    /// The collection root of an article file as the user wrote its path (`x/mh-news` for
    /// `x/mh-news/pages/73/1.md`, `.` for `pages/73/1.md`), or nil when the file is not under `pages/`.
    static func collectionRoot(of path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 3, let pages = parts.dropLast(2).lastIndex(of: "pages") else { return nil }
        let root = parts[..<pages].joined(separator: "/")
        return root.isEmpty ? (path.hasPrefix("/") ? "/" : ".") : root
    }

    /// The folder that holds `pages/` above an article file: its collection (`mh-news` for
    /// `mh-news/pages/73/1.md`), or nil when the file is not filed that way.
    /// Read off the path as written when it names that folder (no working folder asked for every file).
    static func collectionName(of path: String) -> String? {
        func name(in parts: [Substring]) -> String? {
            guard let pages = parts.dropLast().lastIndex(of: "pages"), pages > parts.startIndex,
                  parts[pages - 1] != ".." else { return nil }
            return String(parts[pages - 1])
        }
        return name(in: InputPath.lexicalComponents(path)) ?? name(in: InputPath.absolute(path).split(separator: "/"))
    }
}
