import ArgumentParser
import Foundation
import SheafKit

/// `sheaf init`: writes a commented recipe file to start from.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented sheaf.toml with example recipes.",
        discussion: "Then 'sheaf build' builds every recipe in it, and 'sheaf build --recipe NAME' one of them.")

    @Argument(help: ArgumentHelp("Where to write it.", valueName: "file"))
    var file = "sheaf.toml"

    @Flag(help: "Replace the file if it exists.")
    var force = false

    func run() throws {
        if FileManager.default.fileExists(atPath: file) && !force {
            throw CommandFailure("\(file) exists already; use --force to replace it")
        }
        do {
            try Data(RecipeFile.example.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
        } catch {
            throw CommandFailure("cannot write \(file): \(error.localizedDescription)")
        }
        print("wrote \(file): edit its recipes, then run 'sheaf build'")
    }
}
