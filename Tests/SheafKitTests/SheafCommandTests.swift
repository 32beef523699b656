import Foundation
import Testing
import SheafKit

/// `sheaf --version` and the help texts, as a terminal 80 columns wide shows them.
@Suite struct SheafCommandTests {
    static func help(_ arguments: [String]) throws -> String {
        try Sheaf.run(arguments, environment: ["COLUMNS": "80"]).stdout
    }

    @Test func printsTheVersion() throws {
        let run = try Sheaf.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == SheafVersion.current)
    }

    @Test func theTopHelpShowsTheDigestExampleAndNoExampleWraps() throws {
        let text = try Self.help(["--help"])
        #expect(text.contains("sheaf build ~/mh-news --last 7d --group-by all"))
        let examples = text.components(separatedBy: "Examples:\n").last?.components(separatedBy: "\n\n").first ?? ""
        let lines = examples.split(separator: "\n")
        #expect(lines.count >= 8)
        #expect(lines.allSatisfy { $0.hasPrefix("  sheaf ") }, "an example wraps:\n\(examples)")
    }

    @Test func planHelpLeavesOutWhatOnlyBuildUses() throws {
        let plan = try Self.help(["plan", "--help"])
        for option in ["--cover", "--images", "--to ", "--templates", "--jobs", "--out"] {
            #expect(!plan.contains(option), "plan --help shows \(option)")
        }
        let build = try Self.help(["build", "--help"])
        for option in ["--cover", "--images", "--to ", "--templates", "--jobs", "--since", "--group-by"] {
            #expect(build.contains(option), "build --help lacks \(option)")
        }
    }

    @Test(arguments: [["--help"], ["help", "build"], ["plan", "--help"], ["catalog", "--help"], ["init", "--help"],
                      ["templates", "export", "--help"]])
    func noDefaultIsSaidTwice(arguments: [String]) throws {
        let text = try Self.help(arguments)
        #expect(text.range(of: #"\(default: [^)]*\)\.?\s+\(default:"#, options: .regularExpression) == nil, "\(text)")
        #expect(text.range(of: #"default[: ][^\n]*\(default:"#, options: .regularExpression) == nil, "\(text)")
    }

    @Test func buildHelpKeepsValuesAndExamplesOnOneLine() throws {
        let text = try Self.help(["help", "build"])
        for phrase in ["7d, 2w", "50MB, 800KB, 20MiB", "YYYY-MM-DD", "(default: ./sheaf.toml, when it exists)", "{collection}-{key}.epub", "--group-by index", "'sheaf templates export'"] {
            #expect(text.contains(phrase), "'\(phrase)' is broken across lines in:\n\(text)")
        }
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }
}
