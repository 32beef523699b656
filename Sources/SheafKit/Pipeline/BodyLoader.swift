/// The first step of making a volume, "load bodies": each article's body, read again from its file (the header
/// from the first pass, with its merged files, is kept), or the one the first pass kept.
struct BodyLoader: Sendable {
    /// An article's body, or why it could not be had.
    enum Loaded: Sendable {
        case body(String)
        /// The file changed since the first pass: a warning for every file merged into the article.
        case unread([Diagnostic])
    }

    /// Article bodies the first pass kept (a small collection's), by path: not read again.
    var readBodies: [String: String] = [:]

    func body(of header: ArticleHeader) -> Loaded {
        if let body = readBodies[header.files.first ?? ""] { return .body(body) }
        let file = ArticleFile(path: header.files.first ?? "", channel: header.channel, id: header.id)
        switch MirrorArticleReader().readBody(file) {
        case .success(let body): return .body(body)
        case .failure(let diagnostic):
            return .unread(header.files.map { Diagnostic(.warning, stage: .read, file: $0, diagnostic.message) })
        }
    }
}
