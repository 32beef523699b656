/// The first reading pass: every file's header and the reader's notes on its text, none of the bodies.
struct HeaderReader {
    struct Result {
        var articles: [ArticleHeader]
        var skipped: [Diagnostic]
        /// The repairs made to the files' text, reported once (the second pass, which reads bodies, makes them again).
        var notes: [Diagnostic]
    }

    let reader = MirrorArticleReader()

    func readHeaders(of files: [ArticleFile]) -> Result {
        var result = Result(articles: [], skipped: [], notes: [])
        result.articles.reserveCapacity(files.count)
        for file in files {
            switch reader.read(file) {
            case .success(let article):
                result.articles.append(article.header)
                result.notes += article.notes
            case .failure(let diagnostic): result.skipped.append(diagnostic)
            }
        }
        return result
    }
}
