import Foundation

/// Walks the input paths (collection roots, folders below them, single files) and lists the article files.
///
/// Inside a folder that holds `pages/` only `pages/` is walked: that is where a collection keeps its articles,
/// the rest (`indexes/`, README, scripts) is furniture. Elsewhere every `*.md`, `*.markdown` and `*.txt` file
/// is a candidate, except hidden ones, `indexes/` folders and README or index files. A file named on the
/// command line is always a candidate.
public struct CollectionScanner: Sendable {
    /// File name extensions of article files found by walking (compared in lower case).
    static let articleExtensions: Set<String> = ["md", "markdown", "txt"]

    /// A scanner; it keeps no state between scans.
    public init() {}

    /// Walks `paths` and returns the files found, the problems met and the collection's name.
    public func scan(_ paths: [String]) -> CollectionScan {
        var walk = Walk()
        for path in paths { walk.visit(argument: path) }
        return CollectionScan(files: walk.uniqueFiles(), problems: walk.problems,
                              collectionName: Self.collectionName(of: paths))
    }

    // MARK: - Collection name

    /// The name of the first folder holding `pages/` at or above one of `paths`, else the first path's name.
    static func collectionName(of paths: [String]) -> String {
        for path in paths {
            var folder = InputPath.isFolder(path) ? InputPath.absolute(path) : InputPath.parent(InputPath.absolute(path))
            while folder != "/" && !folder.isEmpty {
                if InputPath.isFolder(InputPath.join(folder, "pages")) { return InputPath.lastComponent(folder) }
                folder = InputPath.parent(folder)
            }
        }
        guard let first = paths.first else { return "collection" }
        let absolute = InputPath.absolute(first)
        let name = InputPath.isFolder(first) ? InputPath.lastComponent(absolute) : InputPath.stem(of: absolute)
        return name.isEmpty ? "collection" : name
    }

    // MARK: - Walk

    /// The state of one scan: what was found and which folders were entered.
    struct Walk {
        var found: [(file: ArticleFile, realPath: String)] = []
        var problems: [Diagnostic] = []
        /// The real path of the folder argument being walked: no link met inside may lead out of it.
        var root = "/"

        mutating func visit(argument path: String) {
            switch InputPath.kind(of: path) {
            case .folder:
                root = InputPath.real(path) ?? InputPath.absolute(path)
                walk(folder: path, ancestors: [])
            case .file:
                add(path)
            case .brokenLink:
                problems.append(Diagnostic(.error, stage: .read, file: path, "broken symbolic link"))
            case .missing(let reason):
                problems.append(Diagnostic(.error, stage: .read, file: path, "cannot open: \(reason)"))
            }
        }

        mutating func walk(folder path: String, ancestors: [String]) {
            let real = InputPath.real(path) ?? InputPath.absolute(path)
            if ancestors.contains(real) {
                problems.append(Diagnostic(.warning, stage: .read, file: path,
                                           "symbolic link loop: leads back to \(real); not followed"))
                return
            }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                problems.append(Diagnostic(.warning, stage: .read, file: path,
                                           "cannot read folder: \(InputPath.reason(error))"))
                return
            }
            let pages = InputPath.join(path, "pages")
            if names.contains("pages"), InputPath.isFolder(pages) {
                if !leavesRoot(pages) { walk(folder: pages, ancestors: ancestors + [real]) }
                return
            }
            for name in names.sorted(by: InputPath.byteOrder) where !name.hasPrefix(".") {
                visit(entry: InputPath.join(path, name), name: name, ancestors: ancestors + [real])
            }
        }

        mutating func visit(entry path: String, name: String, ancestors: [String]) {
            let isLink = InputPath.isLink(path)
            if isLink, leavesRoot(path) { return }
            switch InputPath.kind(of: path) {
            case .folder where name != "indexes":
                walk(folder: path, ancestors: ancestors)
            case .file where CollectionScanner.isArticleName(name):
                // A plain file's real path is its real folder's and its name (no realpath for every file).
                add(path, real: isLink ? nil : ancestors.last.map { InputPath.join($0, name) })
            case .brokenLink:
                problems.append(Diagnostic(.warning, stage: .read, file: path, "broken symbolic link"))
            case .missing(let reason):
                problems.append(Diagnostic(.warning, stage: .read, file: path, "cannot open: \(reason)"))
            case .folder, .file:
                break
            }
        }

        /// Whether `path` is a symbolic link whose real path is outside the root (then reported, not to be read).
        /// Only a link can lead out: every folder walked so far lies inside the root.
        mutating func leavesRoot(_ path: String) -> Bool {
            guard InputPath.isLink(path), let real = InputPath.real(path), !InputPath.isInside(real, root: root)
            else { return false }
            problems.append(Diagnostic(.warning, stage: .read, file: path,
                                       "symbolic link leads outside the input folder (to \(real)); not read"))
            return true
        }

        mutating func add(_ path: String, real: String? = nil) {
            let file = ArticleFile(path: path, channel: InputPath.folderName(of: path), id: InputPath.stem(of: path))
            found.append((file, real ?? InputPath.real(path) ?? InputPath.absolute(path)))
        }

        /// Files sorted by path; a real file reached by several paths is kept once, preferably under a
        /// path that passes through no symbolic link, else under the first path in byte order.
        func uniqueFiles() -> [ArticleFile] {
            var best: [String: ArticleFile] = [:]
            for (file, real) in found {
                guard let kept = best[real] else { best[real] = file; continue }
                if Self.isPreferred(file.path, over: kept.path, real: real) { best[real] = file }
            }
            return best.values.sorted { InputPath.byteOrder($0.path, $1.path) }
        }

        static func isPreferred(_ path: String, over other: String, real: String) -> Bool {
            let direct = InputPath.absolute(path) == real
            let otherDirect = InputPath.absolute(other) == real
            if direct != otherDirect { return direct }
            return InputPath.byteOrder(path, other)
        }
    }

    /// Whether a file met while walking is an article: the right extension, not a README or index page.
    static func isArticleName(_ name: String) -> Bool {
        let lower = name.lowercased()
        guard let dot = lower.lastIndex(of: "."),
              articleExtensions.contains(String(lower[lower.index(after: dot)...])) else { return false }
        let stem = lower[..<dot]
        return !stem.isEmpty && !stem.hasPrefix("readme") && stem != "index"
    }
}
