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
        let environment = try collection.environment()
        let plans: [(recipe: String?, plan: BuildPlan)]
        do {
            plans = try collection.runs(out: nil, environment: environment).map {
                ($0.recipe, $0.plan(environment: environment))
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
            print("\(volume.fileName)  \(volume.title)  (\(Counted.text(count, "article")))")
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
        var summary = Counted.text(plan.volumes.count, "book") + ", " + Counted.text(plan.articleCount, "article") + ", "
            + Counted.text(plan.skipped.count, "file") + " skipped"
        if !plan.excluded.isEmpty {
            let reasons = Exclusion.counts(plan.excluded.map(\.message)).map { "\($0.count) \($0.kind)" }
            summary += ", " + Counted.text(plan.excluded.count, "file") + " left out (" + reasons.joined(separator: ", ")
                + "; see --json)"
        }
        print(summary)
    }
}
