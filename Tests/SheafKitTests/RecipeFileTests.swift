import Testing
@testable import SheafKit

@Suite struct RecipeFileTests {
    func parse(_ text: String) throws -> RecipeFile {
        try RecipeFile.parse(text, path: "/home/u/digests/sheaf.toml")
    }

    func failure(_ text: String) -> SheafError? {
        do {
            _ = try parse(text)
            return nil
        } catch let error as SheafError {
            return error
        } catch {
            return nil
        }
    }

    @Test func theExampleParsesAndEveryRecipeBuilds() throws {
        let file = try RecipeFile.parse(RecipeFile.example, path: "sheaf.toml")
        #expect(file.recipes.map(\.name) == ["weekly", "archive", "opinion"])
        let weekly = try #require(try file.recipes(named: "weekly").first)
        #expect(weekly.settings.out == "books")
        #expect(weekly.settings.last == "7d")
        #expect(weekly.settings.groupBy == .all)
        let options = try weekly.settings.buildOptions(environment: BuildEnvironment(sourceDateEpoch: 1_611_100_000))
        #expect(options.window.until == ArticleDate(year: 2021, month: 1, day: 19))
        #expect(options.fileNamePattern == "{collection}-weekly.epub")
        let opinion = try #require(try file.recipes(named: "opinion").first)
        #expect(try opinion.settings.buildOptions(environment: BuildEnvironment()).grouping == .index)
    }

    @Test func readsEveryKey() throws {
        let file = try parse("""
            [defaults]
            out = "out"
            language = "zh"

            [recipes.all-keys]
            inputs = ["~/mh-news", "/abs/pages/73", "rel"]
            format = "mirror"
            channels = ["73", "19"]
            group-by = "month"
            since = 2021-01-01
            until = "2021-01-31"
            week-start = "saturday"
            max-articles = 20
            max-size = "5MB"
            title = "{collection} {key}"
            file-name = "{key}.epub"
            templates = "t"
            device = "kobo"
            to = "/media/KOBOeReader"
            catalog = false
            repeat = true
            prune = true
            """)
        let settings = try #require(try file.recipes(named: "all-keys").first).settings
        #expect(settings.inputs?[0].hasSuffix("/mh-news") == true && settings.inputs?[0].hasPrefix("~") == false)
        #expect(settings.inputs?[1] == "/abs/pages/73")
        #expect(settings.inputs?[2] == "/home/u/digests/rel")
        #expect(settings.out == "/home/u/digests/out")
        #expect(settings.language == "zh")
        #expect(settings.channels == ["73", "19"])
        #expect(settings.groupBy == .month)
        #expect(settings.since == ArticleDate(year: 2021, month: 1, day: 1))
        #expect(settings.until == ArticleDate(year: 2021, month: 1, day: 31))
        #expect(settings.weekStart == 6)
        #expect(settings.maxArticles == 20)
        #expect(settings.maxSize == 5_000_000)
        #expect(settings.templates == "/home/u/digests/t")
        #expect(settings.catalog == false && settings.repeat == true && settings.prune == true)
        #expect(settings.device == .kobo && settings.to == "/media/KOBOeReader")
        let options = try settings.buildOptions(environment: BuildEnvironment())
        #expect(!options.catalog && options.repeatArticles && options.prune)
        #expect(settings.format == "mirror" && options.format == "mirror")
        #expect(options.device == DeviceProfile(.kobo) && options.sideloadDirectory == "/media/KOBOeReader")
    }

    @Test func extractionRulesArePerRecipeAndPerSite() throws {
        let file = try parse("""
            [defaults]
            remove = [".newsletter"]

            [recipes.saved]
            inputs = ["saved"]
            extract = "auto"
            keep = "article"

            [recipes.saved.sites."example.com"]
            keep = ["div.story", "#main > p"]
            remove = "[data-ad]"

            [recipes.saved.sites."clean.example.org"]
            extract = "off"
            """)
        let settings = try #require(try file.recipes(named: "saved").first).settings
        let extraction = try settings.buildOptions(environment: BuildEnvironment()).extraction
        #expect(extraction.all == PageExtraction.Rules(mode: .auto, keep: ["article"], remove: [".newsletter"]))
        #expect(extraction.rules(forHost: "news.example.com").keep == ["article", "div.story", "#main > p"])
        #expect(extraction.rules(forHost: "news.example.com").remove == [".newsletter", "[data-ad]"])
        #expect(extraction.rules(forHost: "clean.example.org").mode == .off)
        #expect(extraction.rules(forHost: "other.net") == extraction.all)
        #expect(extraction.rules(forHost: "notexample.com") == extraction.all)
    }

    @Test func aSelectorThatCannotBeReadNamesItsLine() throws {
        #expect(throws: SheafError.self) {
            _ = try parse("""
                [recipes.saved]
                inputs = ["saved"]
                remove = ["a:hover"]
                """)
        }
        do {
            _ = try parse("[recipes.saved]\ninputs = [\"saved\"]\n\n[recipes.saved.sites.\"e.com\"]\nkeeep = \"p\"\n")
            Issue.record("an unknown site key was accepted")
        } catch let error as SheafError {
            #expect(error.reason.contains("unknown key; a site takes extract, keep, remove"))
        }
    }

    @Test func theDeviceSetsTheDefaultSizeCapAndAnOptionWinsOverTheRecipe() throws {
        let recipe = try #require(try parse("[recipes.a]\ndevice = \"kindle\"\nto = \"r\"\n").recipes(named: nil).first)
        let kindle = try recipe.settings.buildOptions(environment: BuildEnvironment())
        #expect(kindle.device.device == .kindle)
        #expect(kindle.limits.maxSize == DeviceProfile(.kindle).defaultMaxSize)
        #expect(kindle.sideloadDirectory == "/home/u/digests/r")
        var command = BuildSettings()
        command.device = .apple
        command.maxSize = 1_000
        let apple = try recipe.settings.overridden(by: command).buildOptions(environment: BuildEnvironment())
        #expect(apple.device.device == .apple && apple.limits.maxSize == 1_000)
        #expect(try BuildSettings().buildOptions(environment: BuildEnvironment()).device == .generic)
    }

    @Test func theCommandLineWinsOverTheRecipe() throws {
        let recipe = try #require(try parse("""
            [recipes.weekly]
            inputs = ["/c"]
            last = "7d"
            group-by = "all"
            """).recipes(named: nil).first).settings
        var command = BuildSettings()
        command.since = ArticleDate(year: 2021, month: 1, day: 1)
        command.groupBy = .week
        let merged = recipe.overridden(by: command)
        #expect(merged.groupBy == .week)
        #expect(merged.last == nil)
        #expect(merged.since == ArticleDate(year: 2021, month: 1, day: 1))
        #expect(merged.inputs == ["/c"])
        let defaults = try merged.buildOptions(environment: BuildEnvironment(sourceDateEpoch: 0))
        #expect(defaults.catalog && !defaults.repeatArticles && !defaults.prune)
        var noRepeat = BuildSettings()
        noRepeat.repeat = false
        var repeating = BuildSettings()
        repeating.repeat = true
        #expect(repeating.overridden(by: noRepeat).repeat == false)
    }

    @Test(arguments: [
        ("[recipes.a]\ngroup-by = \"fortnight\"\n", ":2", "recipes.a.group-by: 'fortnight' is not one of week"),
        ("[recipes.a]\n\ninputs = [\"x\"]\ngrup-by = \"week\"\n", ":4", "recipes.a.grup-by: unknown key"),
        ("[recipes.a]\nmax-articles = \"ten\"\n", ":2", "recipes.a.max-articles: must be a whole number"),
        ("[recipes.a]\nmax-size = \"5XB\"\n", ":2", "recipes.a.max-size: '5XB' is not a size"),
        ("[recipes.a]\nsince = \"2021-02-30\"\n", ":2", "recipes.a.since: '2021-02-30' is not a date"),
        ("[recipes.a]\nlast = \"7d\"\nsince = 2021-01-01\n", ":2", "recipes.a.last: give either last or since/until"),
        ("[recipes.a]\nmax-size = 10\n", ":2", "recipes.a.max-size: must be a size with a unit"),
        ("[recipes.a]\nmax-size = \"10\"\n", ":2", "recipes.a.max-size: '10' has no unit"),
        ("[recipes.a]\nsince = 2021-02-01\n\nuntil = 2021-01-01\n", ":4", "recipes.a.until: since 2021-02-01 is after until"),
        ("[recipes.a]\ntitle = \"{collection} {wek}\"\n", ":2", "recipes.a.title: unknown placeholder {wek}"),
        ("[recipes.a]\n\nfile-name = \"{colection}.epub\"\n", ":3", "recipes.a.file-name: unknown placeholder {colection}"),
        ("[recipes.a]\nlast = \"seven\"\n", ":2", "recipes.a.last: 'seven' is not a span"),
        ("[recipes.a]\ninputs = [1, 2]\n", ":2", "recipes.a.inputs: must be a list of strings"),
        ("[recipes.a]\n\nprune = \"yes\"\n", ":3", "recipes.a.prune: must be true or false"),
        ("[defaults]\nweek-start = \"someday\"\n[recipes.a]\n", ":2", "defaults.week-start: 'someday' is not a day"),
        ("[recipes.a]\ngroup-by = \"week\n", ":2", "not valid TOML"),
        ("[recipes.a]\ndevice = \"nook\"\n", ":2", "recipes.a.device: 'nook' is not one of generic, kindle, kobo"),
        ("[recipes.a]\n\nformat = \"rss\"\n", ":3", "recipes.a.format: unknown input format 'rss'; the known formats are mirror"),
        ("title = \"x\"\n[recipes.a]\n", ":1", "unknown table or key 'title'"),
        ("[defaults]\nout = \"b\"\n", ":1", "no recipe"),
    ])
    func badConfigsNameTheFileLineAndKey(text: String, line: String, message: String) throws {
        let error = try #require(failure(text))
        #expect(error.file == "/home/u/digests/sheaf.toml" + line)
        #expect(error.reason.contains(message), "\(error.reason)")
    }

    @Test func aSizeWithASpaceMeansTheSameAsWithout() throws {
        let spaced = try parse("[recipes.a]\nmax-size = \"10 MB\"\n").recipes(named: nil)
        let joined = try parse("[recipes.a]\nmax-size = \"10MB\"\n").recipes(named: nil)
        #expect(spaced.first?.settings.maxSize == 10_000_000)
        #expect(joined.first?.settings.maxSize == 10_000_000)
    }

    @Test func aWindowLayeredBackwardsIsRefusedWhenTheOptionsAreMade() throws {
        var settings = BuildSettings()
        settings.since = ArticleDate(year: 2021, month: 2, day: 1)
        settings.until = ArticleDate(year: 2021, month: 1, day: 1)
        #expect(throws: SheafError.self) { try settings.buildOptions(environment: BuildEnvironment()) }
    }

    @Test(arguments: [
        ("[defaults]\nout = \"b\"\n\n[recipe.weekly]\ninputs = [\"x\"]\n", ":4", "did you mean [recipes.weekly]?"),
        ("[recipes.a]\n\n[ recipe . \"weekly\" ]\n", ":3", "did you mean [recipes.weekly]?"),
        ("[recipes.a]\n[recipe]\nweekly = 1\n", ":2", "did you mean [recipes]?"),
        ("[default]\nout = \"b\"\n[recipes.a]\n", ":1", "did you mean [defaults]?"),
        ("[recipes.a]\n[defualts]\n", ":2", "did you mean [defaults]?"),
        ("[recipes.a]\n[weekly]\n", ":2", "did you mean [recipes.weekly]?"),
    ])
    func aMisspeltTableIsReportedAtItsLineWithAHint(text: String, line: String, hint: String) throws {
        let error = try #require(failure(text))
        #expect(error.file == "/home/u/digests/sheaf.toml" + line)
        #expect(error.reason.contains(hint), "\(error.reason)")
    }

    /// Reading is linear in the file (see Tests/scripts/bench-recipes for the time): a large file still names the
    /// right line, keeps the file's order of recipes and finds each recipe's keys in its own table.
    @Test func theTenThousandthRecipeOfALargeFileIsReadAndReportedAtItsLine() throws {
        let count = 10_000
        var text = "[defaults]\nout = \"b\"\n\n"
        for number in stride(from: count, through: 1, by: -1) {
            text += "[recipes.r\(number)]\ninputs = [\"in\(number)\"]\ntitle = \"Recipe \(number)\"\n\n"
        }
        let file = try parse(text)
        #expect(file.recipes.count == count)
        #expect(file.recipes.first?.name == "r\(count)" && file.recipes.last?.name == "r1")
        #expect(file.recipes.last?.settings.title == "Recipe 1")
        // The last table starts on line 4 + 4 × (count - 1); its group-by on the line after its header.
        let broken = text + "[recipes.r0]\ngroup-by = \"fortnight\"\n"
        let error = try #require(failure(broken))
        #expect(error.file == "/home/u/digests/sheaf.toml:\(4 + 4 * count + 1)")
        #expect(error.reason.contains("recipes.r0.group-by"))
        let late = text.replacingOccurrences(of: "title = \"Recipe 2\"", with: "title = 2")
        #expect(failure(late)?.file == "/home/u/digests/sheaf.toml:\(4 + 4 * (count - 2) + 2)")
    }

    @Test func anUnknownRecipeNameListsTheKnownOnes() throws {
        let file = try parse("[recipes.weekly]\n[recipes.archive]\n")
        #expect(throws: SheafError.self) { try file.recipes(named: "monthly") }
        #expect(file.recipes.map(\.name) == ["weekly", "archive"])
    }
}
