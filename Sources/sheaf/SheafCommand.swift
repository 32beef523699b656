import ArgumentParser
import SheafKit

/// `sheaf`: turns collections of saved articles into EPUB books.
@main
struct SheafCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheaf",
        abstract: "Turn a collection of saved articles into clean, valid EPUB books, offline.",
        discussion: """
            Sheaf reads mirrored news articles (pages/<channel>/<id>.md with HTML inside), groups them into \
            volumes — a book per ISO week by default — and writes EPUB 3.3 books with a table of contents, \
            ready for Kindle, Kobo, KOReader or Apple Books. It never touches the network.

            Examples:
              sheaf build                                     Samples/ into ./books
              sheaf build ~/mh-news --group-by channel        one book per channel
              sheaf build ~/mh-news --last 7d --group-by all  the last 7 days in one book
              sheaf build ~/mh-news/pages/73 --group-by all --title "Channel 73"
              sheaf plan ~/mh-news --group-by month           the books, nothing written
              sheaf init && sheaf build                       example recipes, all built
              sheaf build --recipe weekly --last 14d          a recipe, an option changed
              sheaf catalog --out books                       the books built so far
              sheaf templates export my-templates             the templates, to edit
            """,
        version: SheafVersion.current,
        subcommands: [BuildCommand.self, PlanCommand.self, CatalogCommand.self, InitCommand.self, TemplatesCommand.self]
    )
}
