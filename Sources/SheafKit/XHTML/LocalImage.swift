import Foundation

/// An article's image given by a relative path, read from the collection's root folder and never from outside it.
///
/// The root is the folder the article's format allows (a mirror's collection root), else the article's own folder. A path that leaves it —
/// by `..`, as a `file:` URL, or through a symbolic link pointing out — is refused before anything is read.
/// Site addresses (`/a.jpg`, `https://…`) are not local: they keep the remote placeholder.
enum LocalImage: Equatable {
    case notLocal
    /// The path would leave the collection; the reason is for the report.
    case refused(String)
    case missing
    case found(DataImage)

    /// The largest image file read.
    static let maxBytes = 50_000_000

    /// Every local image under `nodes` looked up once: those found (pictures or unusable files) by source,
    /// and the refused sources with their reasons.
    /// With a `cache` folder, remote images are looked for there too (see `cached`), their addresses resolved
    /// against the article's `source`.
    static func lookupAll(in nodes: [HTMLNode], articleFile: String, root: String? = nil, cache: String? = nil,
                          source: String? = nil, preparation: ImagePreparation = ImagePreparation())
        -> (found: [String: DataImage], refused: [String]) {
        let resolver = LinkResolver(source: source)
        var found: [String: DataImage] = [:]
        var refused: [String] = []
        var seen: Set<String> = []
        func visit(_ nodes: [HTMLNode]) {
            for case .element(let element) in nodes {
                if element.name == "img", case let source = ReplaceImages.source(of: element),
                   !DataURI.isDataURI(source), seen.insert(source).inserted {
                    var result = lookup(source, articleFile: articleFile, root: root, preparation: preparation)
                    if result == .notLocal, let cache, let url = resolver.resolve(source) {
                        result = cached(url, in: cache, preparation: preparation)
                    }
                    switch result {
                    case .found(let image): found[source] = image
                    case .refused(let reason): refused.append("\(source) \(reason)")
                    case .notLocal, .missing: break
                    }
                }
                visit(element.children)
            }
        }
        visit(nodes)
        return (found, refused)
    }

    /// The image at the relative path `source` from `articleFile`, read only inside `root` (nil: the article's folder).
    static func lookup(_ source: String, articleFile: String, root: String? = nil,
                       preparation: ImagePreparation = ImagePreparation()) -> LocalImage {
        let trimmed = source.trimmingCharacters(in: .whitespaces)
        if LinkResolver.scheme(of: trimmed)?.lowercased() == "file" { return .refused("is a file: URL") }
        guard !trimmed.isEmpty, LinkResolver.scheme(of: trimmed) == nil, !trimmed.hasPrefix("/"),
              !trimmed.hasPrefix("#"), !trimmed.hasPrefix("?") else { return .notLocal }
        let relative = String(decoding: DataURI.percentDecoded(Array(trimmed.prefix { $0 != "?" && $0 != "#" }.utf8)),
                              as: UTF8.self)
        let articleFile = articleFile.hasPrefix("/")
            ? articleFile : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(articleFile)
        let folder = (articleFile as NSString).deletingLastPathComponent
        let root = root ?? folder
        return read(folder + "/" + relative, inside: root, named: "the collection folder", preparation: preparation)
    }

    /// A remote image saved in an offline cache laid out by URL, as `wget -x` saves pages:
    /// `https://host/a/b.jpg` is `cache/host/a/b.jpg`. The query is ignored.
    static func cached(_ url: String, in cache: String, preparation: ImagePreparation = ImagePreparation()) -> LocalImage {
        guard let scheme = LinkResolver.scheme(of: url), ["http", "https"].contains(scheme.lowercased()) else {
            return .notLocal
        }
        let rest = url.dropFirst(scheme.count + 1).drop { $0 == "/" }
        let address = rest.prefix { $0 != "?" && $0 != "#" }
        guard let slash = address.firstIndex(of: "/") else { return .missing }
        let host = address[..<slash].split(separator: "@").last.map(String.init) ?? ""
        let path = String(decoding: DataURI.percentDecoded(Array(address[slash...].utf8)), as: UTF8.self)
        guard !host.isEmpty, !host.hasPrefix("."), path.count > 1 else { return .missing }
        let root = cache.hasPrefix("/")
            ? cache : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(cache)
        return read(root + "/" + host.lowercased() + path, inside: root, named: "the image cache",
                    preparation: preparation)
    }

    /// The file at `path`, read only when it lies inside `root` both by its text and after following links.
    private static func read(_ path: String, inside root: String, named place: String,
                             preparation: ImagePreparation) -> LocalImage {
        guard let path = lexical(path), let lexicalRoot = lexical(root), isInside(path, root: lexicalRoot) else {
            return .refused("leaves \(place)")
        }
        guard let real = InputPath.real(path) else { return .missing }
        guard let realRoot = InputPath.real(root.isEmpty ? "." : root), isInside(real, root: realRoot) else {
            return .refused("is a link leading out of \(place)")
        }
        // Read as articles are: a FIFO or device named like a picture is never waited on.
        switch InputPath.contents(of: real, limit: maxBytes) {
        case .bytes(let bytes): return .found(DataImage.decode(bytes: bytes, preparation: preparation))
        case .tooLarge: return .found(.unusable(reason: "is larger than \(maxBytes / 1_000_000) MB"))
        case .notRegular: return .found(.unusable(reason: "is not a regular file (a FIFO, device or socket?)"))
        case .unreadable: return .missing
        }
    }

    private static func isInside(_ path: String, root: String) -> Bool {
        let base = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(base)
    }

    /// The absolute path with `.` and `..` applied to its text alone (links are checked after); nil above `/`.
    private static func lexical(_ path: String) -> String? {
        let parts = InputPath.lexicalComponents(path)
        return parts.contains("..") ? nil : "/" + parts.joined(separator: "/")
    }
}
