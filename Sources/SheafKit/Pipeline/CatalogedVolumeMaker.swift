import Foundation

/// Makes a volume's book only when the catalog cannot show that the book on disk came from the same input,
/// and records each book it writes.
struct CatalogedVolumeMaker: Sendable {
    let maker: VolumeMaker
    let catalog: Catalog
    /// The catalog's books at the start of the run, by file name.
    let books: [String: CatalogBook]
    let templates: TemplateSet
    let environment: BuildEnvironment
    /// The series of a volume's book (`BuildOptions.series(of:)`), recorded with it.
    var series: @Sendable (Volume) -> String? = { _ in nil }

    func make(_ volume: Volume) -> VolumeMaker.Outcome {
        let path = InputPath.join(maker.outputDirectory, volume.fileName)
        let fingerprint = VolumeFingerprint.fingerprint(of: volume, templates: templates,
                                                        environment: environment, cover: maker.cover,
                                                        imageCache: maker.imageCache, device: maker.device.device)
        let past = books[volume.fileName]
        // A book whose chapters cannot be read back from the catalog is made again.
        if let past, past.fingerprint == fingerprint, BookFile.matches(path, size: past.fileSize, hash: past.fileHash),
           let recorded = try? catalog.chapters(of: past.file) {
            return unchanged(volume, book: past, path: path, chapters: recorded)
        }
        var outcome = maker.make(volume, identifier: past?.identifier)
        guard outcome.entry.status == .written else { return outcome }
        do {
            try record(outcome, fingerprint: fingerprint, path: path)
        } catch {
            outcome.entry.status = .failed
            outcome.entry.error = "written, but not recorded in the catalog: \(error)"
        }
        return outcome
    }

    /// The report entry of a book left as it is, its chapters as the catalog recorded them.
    private func unchanged(_ volume: Volume, book: CatalogBook, path: String, chapters: [String]) -> VolumeMaker.Outcome {
        let articles = VolumeMaker.entries(volume.articles, chapters: chapters)
        let entry = BuildReport.VolumeEntry(file: path, title: volume.title, identifier: book.identifier,
                                            status: .unchanged, error: nil, articles: articles)
        return VolumeMaker.Outcome(entry: entry, skipped: [], notes: [], volume: volume)
    }

    /// Records the book just renamed into place, with its articles, in one transaction.
    private func record(_ outcome: VolumeMaker.Outcome, fingerprint: String, path: String) throws {
        guard let written = BookFile.measure(path) else {
            throw SheafError(stage: .write, file: path, "the book just written cannot be read back")
        }
        let volume = outcome.volume
        let book = CatalogBook(
            file: volume.fileName, collection: volume.collection, volumeKey: volume.key, title: volume.title,
            identifier: outcome.entry.identifier, fingerprint: fingerprint, fileHash: written.hash,
            fileSize: written.size, articleCount: volume.articleCount,
            oldestDate: volume.oldestDate?.description, newestDate: volume.newestDate?.description,
            series: series(volume))
        let articles = zip(volume.articles, outcome.entry.packedArticles).enumerated().map { position, pair in
            let (header, entry) = pair
            return CatalogArticle(key: ArticleKey.key(for: header), book: volume.fileName, position: position,
                                  title: header.title, date: header.date?.description, source: header.source,
                                  files: header.files.joined(separator: "\n"),
                                  bodyHash: header.bodyHash ?? "", chapter: entry.chapter)
        }
        try catalog.record(book, articles: articles)
    }
}
