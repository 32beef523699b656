import Foundation

/// Walks the input paths (collection roots, folders below them, single files) and lists the article files,
/// each with the format that reads it, as the door says.
///
/// Inside a folder where a format keeps its articles (a mirror's `pages/`) only that folder is walked, the rest
/// being furniture. Elsewhere every file is shown to the door, except hidden ones and folders a format says
/// hold none of its articles (`indexes/`): a file no format reads is skipped with the reason, unless it comes
/// with articles (an image, a stylesheet) or a format knows it as furniture (a README). A file named on the
/// command line may also be recognised by its first bytes.
struct CollectionScanner: Sendable {
    /// The formats asked.
    var door: InputDoor

    /// A scanner asking `door`; it keeps no state between scans.
    init(door: InputDoor = .standard) {
        self.door = door
    }

    /// Walks `paths` and returns the files found, the problems met and the collection's name.
    func scan(_ paths: [String]) -> CollectionScan {
        var walk = Walk(door: door)
        for path in paths { walk.visit(argument: path) }
        return CollectionScan(files: walk.uniqueFiles(), problems: walk.problems,
                              collectionName: Self.collectionName(of: paths, door: door))
    }

    // MARK: - Collection name

    /// The name of the first collection a format finds at or above one of `paths`, else the first path's name.
    static func collectionName(of paths: [String], door: InputDoor = .standard) -> String {
        for path in paths {
            if let name = door.formats.lazy.compactMap({ $0.collectionName(around: path) }).first { return name }
        }
        guard let first = paths.first else { return "collection" }
        let absolute = InputPath.absolute(first)
        let name = InputPath.isFolder(first) ? InputPath.lastComponent(absolute) : InputPath.stem(of: absolute)
        return name.isEmpty ? "collection" : name
    }

    // MARK: - Walk

    /// The state of one scan: what was found and which folders were entered.
    struct Walk {
        let door: InputDoor
        var found: [(file: InputFile, realPath: String)] = []
        var problems: [Diagnostic] = []
        /// The real path of the folder argument being walked: no link met inside may lead out of it.
        var root = "/"

        mutating func visit(argument path: String) {
            switch InputPath.kind(of: path) {
            case .folder:
                root = InputPath.real(path) ?? InputPath.absolute(path)
                walk(folder: path, ancestors: [])
            case .file:
                take(path, named: true)
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
            if let articles = door.formats.lazy.compactMap({ $0.articleFolder(among: names) }).first,
               case let inner = InputPath.join(path, articles), InputPath.isFolder(inner) {
                if !leavesRoot(inner) { walk(folder: inner, ancestors: ancestors + [real]) }
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
            case .folder where !door.formats.contains(where: { $0.skipsFolder(named: name) }):
                walk(folder: path, ancestors: ancestors)
            case .file:
                // A plain file's real path is its real folder's and its name (no realpath for every file).
                take(path, named: false, real: isLink ? nil : ancestors.last.map { InputPath.join($0, name) })
            case .brokenLink:
                problems.append(Diagnostic(.warning, stage: .read, file: path, "broken symbolic link"))
            case .missing(let reason):
                problems.append(Diagnostic(.warning, stage: .read, file: path, "cannot open: \(reason)"))
            case .folder:
                // A folder the format keeps none of its articles in (the mirror's `indexes/`).
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

        /// Lists the file for the format that reads it, or reports it when no format does.
        mutating func take(_ path: String, named: Bool, real: String? = nil) {
            switch door.verdict(for: path, named: named) {
            case .read(let format):
                found.append((InputFile(path: path, format: format), real ?? InputPath.real(path) ?? InputPath.absolute(path)))
            case .skipped(let reason): problems.append(reason)
            case .passed: break
            }
        }

        /// Files sorted by path; a real file reached by several paths is kept once, preferably under a
        /// path that passes through no symbolic link, else under the first path in byte order.
        func uniqueFiles() -> [InputFile] {
            var best: [String: InputFile] = [:]
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
}
