import ArgumentParser
import Foundation
import SheafKit

/// `sheaf plan`: shows the volumes a build would make, writing nothing.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "List the books a build would make and the articles in each, without writing anything.")

    @OptionGroup var collection: CollectionOptions

    @Flag(help: "Print the plan as JSON, for scripts.")
    var json = false

    func run() throws {
        let environment = CollectionOptions.environment
        let plan = SheafPipeline(options: try collection.buildOptions(outputDirectory: ".", environment: environment),
                                 environment: environment).plan()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(plan), as: UTF8.self))
            return
        }
        for volume in plan.volumes {
            print("\(volume.fileName)  \(volume.title)  (\(volume.articles.count) \(volume.articles.count == 1 ? "article" : "articles"))")
            for section in volume.sections {
                if let title = section.title { print("  \(title)") }
                for article in section.articles {
                    print("    \(article.date?.description ?? "undated   ")  \(article.id)  \(article.title)")
                }
            }
        }
        for skipped in plan.skipped {
            print("skipped: \(skipped.file): \(skipped.message)")
        }
        var summary = "\(plan.volumes.count) books, \(plan.articleCount) articles, \(plan.skipped.count) files skipped"
        if !plan.excluded.isEmpty {
            summary += ", \(plan.excluded.count) files left out (\(plan.excluded[0].message)…; see --json)"
        }
        print(summary)
    }
}
