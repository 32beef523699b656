import ArgumentParser
import SheafKit

/// `sheaf templates`: works with the book's page templates.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Work with the templates of the book's pages and stylesheet.",
        subcommands: [Export.self])

    /// `sheaf templates export DIR`
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the built-in templates to a folder, to edit them and build with --templates.",
            discussion: "Templates are Mustache; a file you leave out of the --templates folder keeps its built-in version.")

        @Argument(help: ArgumentHelp("Folder to write into (created when missing).", valueName: "dir"))
        var directory: String

        @Flag(help: "Replace template files there that differ from the built-in ones (your edits are lost).")
        var force = false

        func run() throws {
            do {
                for path in try TemplateSet.exportDefaults(to: directory, force: force) { print(path) }
            } catch {
                throw CommandFailure("\(error)")
            }
        }
    }
}
