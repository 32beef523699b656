import Foundation
import Testing
@testable import SheafKit

/// `SheafBuild` and `BuildRun`: the library's `sheaf build`.
@Suite struct SheafBuildTests {
    static let epoch = 1_600_000_000

    static func books(in folder: String) throws -> [String: Data] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".epub") }
        return try Dictionary(uniqueKeysWithValues: names.map { name in
            (name, try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
        })
    }

    @Test func theLibrarysBuildMakesTheCommandLinesBooksAndReport() async throws {
        let out = try Scratch()
        for grouping in ["week", "channel"] {
            let cli = out.path("cli-\(grouping)"), api = out.path("api-\(grouping)")
            let run = try Sheaf.run(["build", EndToEndTests.samples, "--group-by", grouping, "--out", cli,
                                     "--report", cli + ".json", "--quiet"],
                                    environment: ["SOURCE_DATE_EPOCH": String(Self.epoch)])
            #expect(run.status == 0, "\(run.stderr)")
            var settings = BuildSettings()
            settings.inputs = [EndToEndTests.samples]
            settings.groupBy = Grouping(rawValue: grouping)
            settings.out = api
            let environment = BuildEnvironment(sourceDateEpoch: Self.epoch)
            let build = SheafBuild(runs: try BuildRun.choose(settings: settings, environment: environment),
                                   environment: environment, reportFile: api + ".json")
            try build.check()
            let outcome = try await build.run()
            #expect(outcome.succeeded() && !outcome.interrupted && outcome.failedRecipes.isEmpty)
            let made = try Self.books(in: api)
            #expect(made.count > 1)
            #expect(made == (try Self.books(in: cli)), "\(grouping): the books differ")
            let report = { (path: String, folder: String) in
                try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: folder, with: "OUT")
            }
            #expect(try report(api + ".json", api) == report(cli + ".json", cli))
        }
    }

    @Test func recipesAreChosenWhenARecipeFileIsNamedAndTheOptionsGoOverThem() throws {
        let out = try Scratch()
        try """
            [defaults]
            group-by = "month"
            [recipes.weekly]
            inputs = ["a"]
            group-by = "week"
            [recipes.all]
            inputs = ["b"]
            """.write(toFile: out.path("sheaf.toml"), atomically: true, encoding: .utf8)
        var settings = BuildSettings()
        settings.out = "elsewhere"
        let runs = try BuildRun.choose(settings: settings, recipeFile: out.path("sheaf.toml"), environment: BuildEnvironment())
        #expect(runs.map(\.recipe) == ["all", "weekly"] || runs.map(\.recipe) == ["weekly", "all"])
        let weekly = try #require(runs.first { $0.recipe == "weekly" })
        #expect(weekly.options.grouping == .week && weekly.options.inputs == [out.path("a")], "taken from the recipe file's folder")
        #expect(weekly.options.series == "weekly" && weekly.options.outputDirectory == "elsewhere")
        #expect(runs.first { $0.recipe == "all" }?.options.grouping == .month)
        let one = try BuildRun.choose(settings: settings, recipeFile: out.path("sheaf.toml"), recipe: "all",
                                      environment: BuildEnvironment())
        #expect(one.map(\.recipe) == ["all"])
    }

    @Test func pathsWithoutARecipeFileAreOneRun() throws {
        var settings = BuildSettings()
        settings.inputs = ["some/collection"]
        settings.groupBy = .channel
        let runs = try BuildRun.choose(settings: settings, environment: BuildEnvironment(), jobs: 3)
        #expect(runs == [BuildRun(options: BuildOptions(inputs: ["some/collection"], grouping: .channel, jobs: 3))])
    }

    @Test func aRunsPlanIsThePipelinesPlan() throws {
        let environment = BuildEnvironment(sourceDateEpoch: Self.epoch)
        let run = BuildRun(options: BuildOptions(inputs: [EndToEndTests.samples], grouping: .channel))
        let plan = run.plan(environment: environment)
        #expect(!plan.volumes.isEmpty)
        #expect(plan == SheafPipeline(options: run.options, environment: environment).plan())
    }

    @Test func aMissingRecipeStopsTheBuildAndOneAmongSeveralIsToldAndSkipped() async throws {
        let out = try Scratch()
        let environment = BuildEnvironment(sourceDateEpoch: Self.epoch)
        let gone = BuildRun(recipe: "gone", options: BuildOptions(inputs: [out.path("none")], outputDirectory: out.path("gone")))
        let here = BuildRun(recipe: "here", options: BuildOptions(inputs: [EndToEndTests.samples],
                                                                   outputDirectory: out.path("here")))
        await #expect(throws: NothingToBuild.self) { try await SheafBuild(runs: [gone], environment: environment).run() }
        let failures = Failures()
        let outcome = try await SheafBuild(runs: [gone, here], environment: environment, reportFile: out.path("r.json"))
            .run { event in if case .failed(let run, _) = event { failures.add(run.recipe ?? "") } }
        #expect(outcome.failedRecipes == ["gone"] && failures.names == ["gone"])
        #expect(!outcome.succeeded())
        #expect(!outcome.report.writtenVolumes.isEmpty)
        #expect(FileManager.default.fileExists(atPath: out.path("r.json")))
    }

    @Test func aRunThatFindsNothingStillWritesItsReport() async throws {
        let out = try Scratch()
        let run = BuildRun(options: BuildOptions(inputs: [out.path("none")], outputDirectory: out.path("books")))
        let build = SheafBuild(runs: [run], environment: BuildEnvironment(sourceDateEpoch: Self.epoch),
                               reportFile: out.path("r.json"))
        await #expect(throws: NothingToBuild.self) { try await build.run() }
        let report = try String(contentsOfFile: out.path("r.json"), encoding: .utf8)
        #expect(report.contains(out.path("none")) && report.contains("cannot open"))
    }

    /// The recipes a build said it could not build.
    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        func add(_ name: String) { lock.withLock { list.append(name) } }
        var names: [String] { lock.withLock { list } }
    }
}
