import Foundation

/// Web archives: WARC 1.0 and 1.1 files (`.warc`, `.warc.gz`) as crawlers and archiving tools write them. Every
/// captured HTML page (a `200` response, a resource, or a revisit of one) is an article, read as a saved page is
/// (`WebPageFormat`), with the pictures the archive holds embedded, found by their address: a book of an archive
/// needs no network.
///
/// Each URL is read once, at its latest capture. Records that are no pages (pictures, style sheets, scripts) are
/// counted in one note; a page that is no article (a site's front page, a tag listing, a redirect) and a damaged
/// record are each reported with the reason, and every other page is read.
struct WARCFormat: InputFormat {
    let name = "warc"
    /// How each captured page is read.
    var pages = WebPageFormat()
    /// The archives walked, by path: a body loaded again finds its record and its pictures without a new walk.
    let archives = OpenArchives()

    init(pages: WebPageFormat = WebPageFormat()) {
        self.pages = pages
    }

    // MARK: - Recognising

    func recognises(name: String, firstBytes: [UInt8]?) -> InputRecognition {
        let lower = name.lowercased()
        if lower.hasSuffix(".warc") || lower.hasSuffix(".warc.gz") { return .articles }
        guard let firstBytes else { return .unknown }
        return firstBytes.starts(with: Array("WARC/1.".utf8)) ? .articles : .unknown
    }

    func articleFolder(among names: [String]) -> String? { nil }
    func skipsFolder(named name: String) -> Bool { false }

    // MARK: - Reading

    func readArticles(in path: String, each: (Result<Article, Diagnostic>) -> Void) {
        let archive: OpenArchive
        switch archives.open(path) {
        case .success(let open): archive = open
        case .failure(let problem): return each(.failure(Self.warning(path, problem.reason)))
        }
        for problem in archive.problems { each(.failure(Self.warning(path, Self.describe(problem)))) }
        var pictures = 0
        var others: [String: Int] = [:]
        for (url, entry) in archive.index.entries.sorted(by: { $0.value.record < $1.value.record }) {
            let payload: HTTPPayload
            switch archive.payload(at: entry.payload) {
            case .success(let found): payload = found
            case .failure(let problem):
                each(.failure(Self.warning(path, "\(url): \(problem.reason)")))
                continue
            }
            guard payload.mediaType.isHTML else {
                if payload.mediaType.essence.hasPrefix("image/") { pictures += 1 } else { others[payload.mediaType.essence.isEmpty ? "unknown" : payload.mediaType.essence, default: 0] += 1 }
                continue
            }
            switch page(url: url, payload: payload, archive: archive, path: path, offset: entry.payload) {
            case .success(let article): each(.success(article))
            case .failure(let diagnostic): each(.failure(diagnostic))
            }
        }
        if pictures + others.values.reduce(0, +) > 0 {
            let kinds = others.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            each(.failure(Diagnostic(.note, stage: .read, file: path,
                "\(pictures + others.values.reduce(0, +)) records are no pages: \(pictures) pictures (embedded where an "
                + "article shows them)" + (kinds.isEmpty ? "" : ", and \(kinds)"))))
        }
    }

    func loadBody(_ reference: EntryReference) -> Result<ArticleBody, Diagnostic> {
        let path = reference.file
        guard let offset = Int(reference.entry) else {
            return .failure(Self.warning(path, "no record at '\(reference.entry)' in the archive"))
        }
        let archive: OpenArchive
        switch archives.open(path) {
        case .success(let open): archive = open
        case .failure(let problem): return .failure(Self.warning(path, problem.reason))
        }
        switch archive.payload(at: offset) {
        case .failure(let problem): return .failure(Self.warning(path, problem.reason))
        case .success(let payload):
            let url = archive.url(ofRecordAt: offset) ?? ""
            return page(url: url, payload: payload, archive: archive, path: path, offset: offset).map { article in
                ArticleBody(html: article.bodyHTML, base: path, policy: bodyPolicy(ofFile: path))
            }
        }
    }

    /// Pictures are embedded as the page is read: none is read from beside the archive.
    func bodyPolicy(ofFile path: String) -> BodyPolicy {
        BodyPolicy(imageRoot: InputPath.parent(InputPath.absolute(path)))
    }

    /// The article of the page captured at `url`, or why it is none.
    func page(url: String, payload: HTTPPayload, archive: OpenArchive, path: String, offset: Int) -> Result<Article, Diagnostic> {
        if payload.isRedirect, let location = payload.location {
            return .failure(Self.warning(path, "\(url): not an article: a redirect to \(location)"))
        }
        let read = pages.read(bytes: payload.bytes, path: path, url: url, charset: payload.charset, notes: payload.notes) { address in
            archive.resource(at: address)
        }
        switch read {
        case .failure(let diagnostic):
            return .failure(Self.warning(path, "\(url): \(diagnostic.message)"))
        case .success(let found):
            var article = found.article
            if let listing = Self.listing(url: url, header: article.header) {
                return .failure(Self.warning(path, "\(url): not an article: \(listing)"))
            }
            article.header.id = Self.id(of: url)
            article.header.channel = article.header.site.flatMap { _ in LinkResolver.host(ofURL: url) } ?? InputPath.stem(of: path)
            article.header.folder = InputPath.stem(of: path)
            article.header.entry = String(offset)
            article.notes = article.notes.map { note in
                Diagnostic(note.severity, stage: note.stage, file: note.file, "\(url): \(note.message)")
            }
            return .success(article)
        }
    }

    /// Why the page at `url` is a listing rather than an article (a site's front page, a tag or section page),
    /// or nil. A page that gives its own date is an article wherever it is.
    static func listing(url: String, header: ArticleHeader) -> String? {
        guard header.date == nil else { return nil }
        let path = url.split(separator: "/", omittingEmptySubsequences: true).dropFirst(2)
            .map { $0.split(separator: "?").first.map(String.init) ?? "" }.filter { !$0.isEmpty }
        if path.isEmpty || ["index.html", "index.htm", "index.php"].contains(path.first!.lowercased()) && path.count == 1 {
            return "the site's front page"
        }
        if let first = path.first?.lowercased(), listingFolders.contains(first) {
            return "a listing of articles (/\(first)/…)"
        }
        return nil
    }

    static let listingFolders: Set<String> = ["tag", "tags", "category", "categories", "topic", "topics", "author",
                                              "authors", "search", "page", "archive", "archives", "section", "label"]

    /// An article's id: its URL's last path part without extension (`/2020/05/harbour.html` → `harbour`), else
    /// its host.
    static func id(of url: String) -> String {
        let path = url.split(separator: "#").first.map { $0.split(separator: "?").first ?? $0 } ?? Substring(url)
        let parts = path.split(separator: "/").dropFirst(2)
        guard let last = parts.last else { return LinkResolver.host(ofURL: url) ?? "page" }
        let stem = last.split(separator: ".").first.map(String.init) ?? String(last)
        return stem.isEmpty ? String(last) : stem
    }

    static func warning(_ path: String, _ reason: String) -> Diagnostic {
        Diagnostic(.warning, stage: .read, file: path, reason)
    }

    static func describe(_ problem: WebArchiveProblem) -> String {
        problem.offset.map { "the record at byte \($0): \(problem.reason)" } ?? problem.reason
    }

    // MARK: - Collections

    func collectionName(ofFile path: String) -> String? { nil }
    func collectionRoot(ofFile path: String) -> String? { nil }
    func collectionName(around path: String) -> String? { nil }
    func indexes(ofCollectionAt root: String) -> (indexes: [IndexListing], problems: [Diagnostic]) { ([], []) }
    func indexFile(named name: String, inCollectionAt root: String) -> String { InputPath.join(root, name + ".warc") }
}

/// One web archive, mapped and walked: its records by URL.
struct OpenArchive: Sendable {
    let file: WARCFile
    let index: WebArchiveIndex
    /// What the walk met: damaged records, revisits of nothing.
    let problems: [WebArchiveProblem]
    /// Each record's URL by its offset.
    let urls: [Int: String]

    init(path: String) throws(WebArchiveProblem) {
        file = try WARCFile(path: path)
        let walk = file.walk()
        index = WebArchiveIndex(walk.records)
        problems = walk.problems + index.problems
        var urls: [Int: String] = [:]
        for record in walk.records { if let url = record.targetURI { urls[record.offset] = url } }
        self.urls = urls
    }

    func url(ofRecordAt offset: Int) -> String? { urls[offset] }

    /// The payload of the record at `offset`, undone of its transfer and content codings.
    func payload(at offset: Int) -> Result<HTTPPayload, WebArchiveProblem> {
        file.record(at: offset).flatMap { HTTPPayload.of($0) }
    }

    /// The picture the archive captured at `address`, if any.
    func resource(at address: String) -> WebPageFormat.EmbeddedResource? {
        guard let entry = index[address], case .success(let payload) = payload(at: entry.payload),
              payload.mediaType.essence.hasPrefix("image/") else { return nil }
        return WebPageFormat.EmbeddedResource(mediaType: payload.mediaType.essence, bytes: payload.bytes)
    }
}

/// The archives a format has opened, by path, so that each is walked once for its headers and once more at most
/// for its bodies (by the other door a build makes). Safe to share between threads.
/// At most `capacity` archives stay open: the least recently used is let go (and unmapped) first.
final class OpenArchives: @unchecked Sendable {
    let capacity: Int
    private let lock = NSLock()
    private var opened: [(path: String, archive: Result<OpenArchive, WebArchiveProblem>)] = []

    init(capacity: Int = 4) { self.capacity = capacity }

    func open(_ path: String) -> Result<OpenArchive, WebArchiveProblem> {
        let known: Result<OpenArchive, WebArchiveProblem>? = lock.withLock {
            guard let index = opened.firstIndex(where: { $0.path == path }) else { return nil }
            let entry = opened.remove(at: index)
            opened.append(entry)
            return entry.archive
        }
        if let known { return known }
        let result: Result<OpenArchive, WebArchiveProblem>
        do {
            result = .success(try OpenArchive(path: path))
        } catch {
            result = .failure(error)
        }
        lock.withLock {
            opened.append((path, result))
            if opened.count > capacity { opened.removeFirst(opened.count - capacity) }
        }
        return result
    }
}
