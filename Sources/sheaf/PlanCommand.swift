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
        let plans: [(recipe: String?, plan: BuildPlan)]
        do {
            plans = try collection.runs(out: nil, environment: environment).map {
                ($0.recipe, SheafPipeline(options: $0.options, environment: environment).plan())
            }
        } catch let error as SheafError {
            throw CommandFailure("\(error)")
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let value = plans.count == 1 && plans[0].recipe == nil ? try encoder.encode(plans[0].plan)
                : try encoder.encode(Dictionary(uniqueKeysWithValues: plans.map { ($0.recipe ?? "", $0.plan) }))
            print(String(decoding: value, as: UTF8.self))
            return
        }
        for (recipe, plan) in plans {
            if let recipe { print("recipe \(recipe):") }
            show(plan)
        }
    }

    private func show(_ plan: BuildPlan) {
        for volume in plan.volumes {
            let count = volume.articles.count
            print("\(volume.fileName)  \(volume.title)  (\(count) \(count == 1 ? "article" : "articles"))")
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
