import Foundation

/// One build of a run of `sheaf build`: a recipe's, or the paths and options alone.
public struct BuildRun: Sendable, Equatable {
    /// The recipe's name, or nil when the paths and options were built without a recipe file.
    public var recipe: String?
    /// What the build does.
    public var options: BuildOptions

    /// A build of `options`, named after `recipe` when it is one.
    public init(recipe: String? = nil, options: BuildOptions) {
        self.recipe = recipe
        self.options = options
    }

    /// The recipe file read when none is named and no path is given.
    public static let defaultRecipeFile = "sheaf.toml"
    /// The folder built when there are neither paths nor a recipe file.
    public static let defaultInputs = "Samples"

    /// The builds `sheaf build` runs for `settings` (the command line's options as a layer of settings): each
    /// recipe of the recipe file (or only `recipe`) under those settings, or the settings alone. A recipe file is
    /// read when `recipeFile` names one, when a recipe is asked for, or when no path is given and
    /// `./sheaf.toml` exists. Relative paths are taken from the current folder.
    public static func choose(settings: BuildSettings, recipeFile: String? = nil, recipe: String? = nil,
                              environment: BuildEnvironment, jobs: Int = BuildOptions.defaultJobs) throws -> [BuildRun] {
        let noPaths = settings.inputs?.isEmpty ?? true
        let file = recipeFile ?? (recipe != nil || noPaths ? defaultRecipeFile : nil)
        if let file, recipeFile != nil || recipe != nil || FileManager.default.fileExists(atPath: file) {
            return try RecipeFile.load(file).recipes(named: recipe).map {
                var options = try $0.settings.overridden(by: settings).buildOptions(environment: environment, jobs: jobs)
                // A recipe's books are one series, whatever its options become.
                options.series = $0.name
                return BuildRun(recipe: $0.name, options: options)
            }
        }
        if noPaths && !FileManager.default.fileExists(atPath: defaultInputs) {
            throw SheafError(stage: .read, "no path given, and neither sheaf.toml nor Samples/ is here: name a "
                             + "collection to build (or write a recipe file with 'sheaf init')")
        }
        return [BuildRun(options: try settings.buildOptions(environment: environment, jobs: jobs))]
    }

    /// The books this run would make and the articles in each, without writing anything (`sheaf plan`).
    public func plan(environment: BuildEnvironment) -> BuildPlan {
        SheafPipeline(options: options, environment: environment).plan()
    }
}
