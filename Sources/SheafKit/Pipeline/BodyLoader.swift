/// The first step of making a volume, "load bodies": each article's body, loaded again by the format that read its
/// header (the header from the first pass, with its merged files, is kept), or the one the first pass kept.
struct BodyLoader: Sendable {
    /// An article's body, or why it could not be had.
    enum Loaded: Sendable {
        case body(ArticleBody)
        /// The file changed since the first pass: a warning for every file merged into the article.
        case unread([Diagnostic])
    }

    /// Article bodies the first pass kept (a small collection's), by `HeaderReader.bodyKey`: not read again.
    var readBodies: [String: String] = [:]
    /// The formats that read the headers.
    var door = InputDoor.standard

    func body(of header: ArticleHeader) -> Loaded {
        if let html = readBodies[HeaderReader.bodyKey(header.reference)] {
            return .body(ArticleBody(html: html, base: header.reference.file, policy: door.bodyPolicy(of: header)))
        }
        switch door.loadBody(of: header) {
        case .success(let body): return .body(body)
        case .failure(let diagnostic):
            return .unread(header.files.map { Diagnostic(.warning, stage: .read, file: $0, diagnostic.message) })
        }
    }
}
