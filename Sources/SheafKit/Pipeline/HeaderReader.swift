/// The first reading pass: every file's header, none of the bodies.
struct HeaderReader {
    struct Result {
        var articles: [ArticleHeader]
        var skipped: [Diagnostic]
        /// `FNV1a` hex of each article's HTML body, by the path read: what a catalog fingerprints.
        var bodyHashes: [String: String]
    }

    let reader = MirrorArticleReader()

    func readHeaders(of files: [ArticleFile]) -> Result {
        var result = Result(articles: [], skipped: [], bodyHashes: [:])
        result.bodyHashes.reserveCapacity(files.count)
        result.articles.reserveCapacity(files.count)
        for file in files {
            switch reader.read(file) {
            case .success(let article):
                var header = article.header
                header.size = article.bodyHTML.utf8.count
                result.articles.append(header)
                result.bodyHashes[file.path] = FNV1a.hex(of: article.bodyHTML)
            case .failure(let diagnostic): result.skipped.append(diagnostic)
            }
        }
        return result
    }
}
