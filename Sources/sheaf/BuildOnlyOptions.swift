import ArgumentParser
import SheafKit

/// The options only `build` uses: how the pages look, the cover and images, where the books go besides the
/// output folder, and how many are made at once. (`plan` writes nothing, so its help leaves them out.)
struct BuildOnlyOptions: ParsableArguments {
    @Option(name: .customLong("templates"), help: ArgumentHelp(
        "Folder of templates that replace the built-in ones by file name (see 'sheaf templates export').",
        valueName: "dir"))
    var templatesDirectory: String?

    @Option(name: .customLong("cover"), help: ArgumentHelp(
        "An image (JPEG, PNG, WebP…) to use as every book's cover; without it each book gets a cover drawn "
            + "from its title, dates and collection.", valueName: "file"))
    var coverFile: String?

    @Option(name: .customLong("images"), help: ArgumentHelp(
        "An offline image cache laid out by URL (DIR/host/path, as 'wget -x' saves): remote images found there "
            + "are embedded; the others stay placeholders.", valueName: "dir"))
    var imagesDirectory: String?

    @Option(name: .customLong("to"), help: ArgumentHelp(
        "Copy each finished book into this folder (a mounted reader's, or any), atomically; books already "
            + "there unchanged are skipped.", valueName: "dir"))
    var sideloadDirectory: String?

    @Option(help: ArgumentHelp("How many books to make at once (default: the number of cores, here "
                               + "\(BuildOptions.defaultJobs)).", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        guard (jobs ?? 1) >= 1 else { throw ValidationError("--jobs must be at least 1.") }
    }

    /// These options as a layer of settings over the recipe's.
    var settings: BuildSettings {
        var settings = BuildSettings()
        settings.templates = templatesDirectory
        settings.cover = coverFile
        settings.images = imagesDirectory
        settings.to = sideloadDirectory
        return settings
    }
}
