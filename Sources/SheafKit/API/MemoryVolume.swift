import Crypto
import Foundation

/// A `MemoryBook` as the packager sees a collection's book: one volume of one unsectioned run of articles,
/// and each article with its header.
struct MemoryVolume {
    var volume: Volume
    /// Parallel to `volume.articles`.
    var articles: [Article]

    /// Throws when the book has no article or an article has no title: a chapter needs one.
    init(book: MemoryBook, fileName: String, device: DeviceProfile) throws {
        guard !book.articles.isEmpty else {
            throw SheafError(stage: .collect, file: fileName, "the book has no articles")
        }
        articles = try book.articles.enumerated().map { index, given in
            try Self.article(given, number: index + 1)
        }
        let headers = articles.map(\.header)
        let title = Self.cleaned(book.title)
        guard !title.isEmpty else { throw SheafError(stage: .collect, file: fileName, "the book has no title") }
        let language = book.language.map(Self.cleaned).flatMap { $0.isEmpty ? nil : $0 }
            ?? LanguageGuess.language(ofTitles: headers.map(\.title))
        volume = Volume(key: Self.key(of: book), title: title, subtitle: nil,
                        collection: book.author.map(Self.cleaned).flatMap { $0.isEmpty ? nil : $0 } ?? title,
                        fileName: fileName, language: device.language(language),
                        sections: [VolumeSection(title: nil, articles: headers)])
    }

    /// Article `number` (from 1), named `article-N` in notes about it.
    private static func article(_ given: MemoryArticle, number: Int) throws -> Article {
        let name = "article-\(number)"
        let title = cleaned(given.title)
        guard !title.isEmpty else { throw SheafError(stage: .read, file: name, "the article has no title") }
        let header = ArticleHeader(id: name, channel: "", title: title, date: given.date,
                                   source: given.source.map(cleaned).flatMap { $0.isEmpty ? nil : $0 },
                                   site: given.author.map(cleaned).flatMap { $0.isEmpty ? nil : $0 },
                                   files: [name], size: given.html.utf8.count)
        return Article(header: header, bodyHTML: given.html)
    }

    /// Whitespace runs made one space, ends trimmed.
    private static func cleaned(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A digest of everything the book shows, so that its derived identifier changes with its contents and
    /// two different books do not share one.
    private static func key(of book: MemoryBook) -> String {
        // Length-prefixed fields, so that no two different books concatenate to the same bytes.
        var bytes: [UInt8] = []
        func feed<Field: Collection<UInt8>>(_ field: Field) {
            bytes += Array(String(field.count).utf8) + [0x3A]
            bytes += field
        }
        feed(book.title.utf8)
        feed((book.author ?? "").utf8)
        for article in book.articles {
            for field in [article.title, article.date?.description ?? "", article.author ?? "", article.source ?? "",
                          article.html] { feed(field.utf8) }
            for name in article.images.keys.sorted() {
                feed(name.utf8)
                feed(article.images[name] ?? Data())
            }
        }
        return SHA256.hash(data: bytes).prefix(8).map { String(format: "%02x", $0) }.joined()
    }
}
