import Foundation
import SheafKit

// The code of SheafKit's getting-started article (Sources/SheafKit/SheafKit.docc/GettingStarted.md), kept here
// so that building this example proves it compiles against the public API. main.swift does not call it.

func writeNotebook(chart: Data) throws {
    let articles = [
        MemoryArticle(title: "春天来了", date: ArticleDate(year: 2024, month: 3, day: 20),
                      html: "<p>春分这一天，昼夜几乎一样长。</p>", author: "小林"),
        MemoryArticle(title: "Rainfall by week", date: ArticleDate(year: 2024, month: 3, day: 22),
                      html: #"<p>March:</p><img src="chart.png" alt="Rain per week">"#,
                      images: ["chart.png": chart]),
    ]
    var book = MemoryBook(title: "A Spring Notebook", articles: articles, language: "en")
    book.author = "Lin"
    book.device = .kobo
    let notes = try book.write(to: "notebook.epub")
    for note in notes { print(note) }
}

func buildMonthlyBooks() async throws {
    var settings = BuildSettings()
    settings.inputs = ["mh-news"]
    settings.groupBy = .month
    settings.out = "books"
    let environment = try SheafBuild.processEnvironment()
    let build = SheafBuild(runs: try BuildRun.choose(settings: settings, environment: environment),
                           environment: environment, reportFile: "report.json")
    try build.check()
    let outcome = try await build.run { event in
        if case .progress(_, let step) = event { print("[\(step.done)/\(step.total)] \(step.file)") }
    }
    for book in outcome.report.writtenVolumes { print(book.file) }
    if !outcome.succeeded() { print("some books could not be written: see report.json") }
}
