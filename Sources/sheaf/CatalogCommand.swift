import ArgumentParser
import Foundation
import SheafKit

/// `sheaf catalog`: lists the books an output folder's catalog records.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "List the books of an output folder's catalog: identifier, file, articles and dates.")

    @Option(name: .customLong("out"), help: ArgumentHelp("The books' folder.", valueName: "dir"))
    var outputDirectory = "books"

    @Flag(help: "Print the books as JSON, for scripts.")
    var json = false

    func run() throws {
        guard FileManager.default.fileExists(atPath: (outputDirectory as NSString).appendingPathComponent(Catalog.fileName)) else {
            throw CommandFailure("\(outputDirectory) has no catalog (\(Catalog.fileName)): build into it first")
        }
        let books: [CatalogBook]
        do {
            books = try Catalog(folder: outputDirectory, readOnly: true).books()
        } catch {
            throw CommandFailure("\(error)")
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            do {
                print(String(decoding: try encoder.encode(books), as: UTF8.self))
            } catch {
                throw CommandFailure("cannot encode the catalog: \(error)")
            }
            return
        }
        for book in books {
            let dates = [book.oldestDate, book.newestDate].compactMap { $0 }
            let range = dates.isEmpty ? "undated" : Set(dates).count == 1 ? dates[0] : dates.joined(separator: " to ")
            print("\(book.file)\t\(book.identifier)\t\(book.articleCount) \(book.articleCount == 1 ? "article" : "articles")\t\(range)")
        }
        let articles = books.reduce(0) { $0 + $1.articleCount }
        print("\(books.count) \(books.count == 1 ? "book" : "books"), \(articles) articles in \(outputDirectory)")
    }
}
