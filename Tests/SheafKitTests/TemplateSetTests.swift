import Foundation
import Testing
@testable import SheafKit

@Suite struct TemplateSetTests {
    private func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "sheaf-templates-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func builtInTemplatesRenderEveryPage() throws {
        let templates = try TemplateSet.builtIn()
        for name in TemplateSet.fileNames {
            #expect(!templates.render(name, ["language": "zh", "title": "t"]).isEmpty)
        }
    }

    /// The built-in template `name` with `edit` applied, written alone into a new folder: (folder, file).
    private func override(_ name: String, _ edit: (String) -> String) throws -> (folder: String, file: String) {
        let folder = try temporaryFolder()
        let builtIn = String(decoding: try #require(FileManager.default.contents(atPath: Self.builtInFolder + name)), as: UTF8.self)
        let edited = edit(builtIn)
        #expect(edited != builtIn)
        try Data(edited.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        return (folder, folder + "/" + name)
    }

    private static let builtInFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path + "/Sources/SheafKit/Templates/"

    /// The 1-based line of the first line of `text` holding `marker`.
    private func line(of marker: String, in file: String) throws -> Int {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        return try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(marker) }) + 1
    }

    private func loadFailure(_ folder: String) -> SheafError? {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            _ = try TemplateSet(overridesIn: folder)
            return nil
        } catch {
            return error as? SheafError
        }
    }

    @Test func variablesAreEscapedAsSwiftMustacheEscapesThem() throws {
        let templates = try TemplateSet.builtIn()
        let page = templates.render(TemplateSet.chapter, ["language": "en", "title": "A<b> & \"c\" 'd' 中文", "firstPart": true,
                                                          "body": "<p>x</p>"])
        #expect(page.contains("<h1>A&lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; 中文</h1>"))
        #expect(page.contains("<p>x</p>"))
        #expect(MarkupEscaping().escapeText("plain 文字") == "plain 文字")
        #expect(MarkupEscaping().escapeText("<>&\"'") == "&lt;&gt;&amp;&quot;&#39;")
    }

    @Test func aParseErrorOnTheFirstLineNamesTheFilesOwnColumn() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("<p>{{#x}}</p>{{/y}}".utf8).write(to: URL(fileURLWithPath: folder + "/nav.xhtml.mustache"))
        #expect { try TemplateSet(overridesIn: folder) } throws: { error in
            (error as? SheafError)?.reason.contains("line 1, column 17:") == true
        }
    }

    @Test func chapterOverrideWinsAndOthersStayBuiltIn() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let custom = #"<html xmlns="http://www.w3.org/1999/xhtml"><head><title>{{title}}</title></head>"#
            + "<body>CUSTOM {{title}}</body></html>"
        try Data(custom.utf8).write(to: URL(fileURLWithPath: folder + "/chapter.xhtml.mustache"))
        let templates = try TemplateSet(overridesIn: folder)
        #expect(templates.render(TemplateSet.chapter, ["title": "a&b"]).contains("<body>CUSTOM a&amp;b</body>"))
        let builtIn = try TemplateSet.builtIn()
        #expect(templates.render(TemplateSet.style, [:]) == builtIn.render(TemplateSet.style, [:]))
    }

    @Test func brokenOverrideNamesTheFileAndTheProblem() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/nav.xhtml.mustache"
        try Data("<ol>\n{{#sections}}\n{{/articles}}".utf8).write(to: URL(fileURLWithPath: path))
        #expect { try TemplateSet(overridesIn: folder) } throws: { error in
            guard let error = error as? SheafError else { return false }
            return error.file == path && error.reason.contains("line 3, column")
                && error.reason.contains("a section is closed with another name than it was opened with")
        }
    }

    @Test(arguments: [
        ("<h1>{{title}}</h1>", "<h1>{{title}}</h1><p><b>unclosed</p>", "<b>unclosed", "Opening and ending tag mismatch: b"),
        ("</section>", "</sectoin>", "</sectoin>", "Opening and ending tag mismatch: section"),
        ("<h1>{{title}}</h1>", "<h1>{{title}}&nbsp;</h1>", "&nbsp;", "Entity 'nbsp' not defined"),
        ("<body>", "<body>\n{{! a note }}\n<p class=\"a>x</p>", "<p class", "Unescaped '<' not allowed in attributes values"),
        ("<body>", "<body>\n<p>{{#site}}<span>{{/site}}</p>", "<p>{{#site}}", "Opening and ending tag mismatch: span"),
    ])
    func anOverrideThatIsNotWellFormedXHTMLIsReportedAtItsLine(builtIn: String, edited: String, marker: String,
                                                             message: String) throws {
        let (folder, file) = try override(TemplateSet.chapter) { $0.replacingOccurrences(of: builtIn, with: edited) }
        let line = try line(of: marker, in: file)
        let error = try #require(loadFailure(folder))
        #expect(error.description.hasPrefix("\(file):\(line): not well-formed XHTML: "), "\(error)")
        #expect(error.reason.contains(message), "\(error)")
    }

    @Test func sectionsThatChooseBetweenMarkupAndLeadingCommentsAreWellFormed() throws {
        // An `{{^x}}` branch after `{{#x}}…{{/x}}` is the other choice; a comment line may come before the XML
        // declaration (it renders as nothing); errors after them keep the template's line numbers.
        let (folder, _) = try override(TemplateSet.chapter) {
            "{{! my chapter }}\n" + $0.replacingOccurrences(
                of: "<h1>{{title}}</h1>", with: "{{#site}}<div class=\"s\">{{/site}}{{^site}}<div>{{/site}}<h1>{{title}}</h1></div>")
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let templates = try TemplateSet(overridesIn: folder)
        let page = templates.render(TemplateSet.chapter, ["title": "T", "firstPart": true, "language": "en"])
        #expect(page.contains("<div><h1>T</h1></div>"))
        let (broken, file) = try override(TemplateSet.chapter) {
            "{{! my chapter }}\n{{#kobo}}\n{{/kobo}}\n" + $0.replacingOccurrences(of: "</section>", with: "</sectoin>")
        }
        let line = try line(of: "</sectoin>", in: file)
        #expect(loadFailure(broken)?.file == "\(file):\(line)")
    }

    @Test(arguments: [
        (TemplateSet.chapter, "<h1>{{title}}</h1>", "<h1>{{titel}}</h1>", "{{titel}}", "unknown variable 'titel'; this template knows: "),
        (TemplateSet.chapter, "</section>", "{{> footer}}\n</section>", "{{> footer}}", "unknown partial 'footer'"),
        (TemplateSet.chapter, "hasByline}}", "hasBylines}}", "{{#hasBylines}}", "unknown section 'hasBylines'"),
        (TemplateSet.navigation, "<h1>{{contentsLabel}}</h1>", "<h1>{{href}}</h1>", "{{href}}", "unknown variable 'href'"),
        (TemplateSet.navigation, "<li><span>{{heading}}</span>", "<li><span>{{heading}} {{articles.titel}}</span>",
         "{{articles.titel}}", "unknown variable 'articles.titel'"),
        (TemplateSet.titlepage, "<h1 class=\"book-title\">{{title}}</h1>", "<h1>{{.}}</h1>", "{{.}}", "outside any section"),
        (TemplateSet.style, "body {", "{{#language}}{{lang}}{{/language}}\nbody {", "{{lang}}", "unknown variable 'lang'"),
    ])
    func anUnknownVariableOrPartialIsReportedWithTheNamesTheTemplateKnows(
        name: String, builtIn: String, edited: String, marker: String, message: String
    ) throws {
        let (folder, file) = try override(name) { $0.replacingOccurrences(of: builtIn, with: edited) }
        let line = try line(of: marker, in: file)
        let error = try #require(loadFailure(folder))
        #expect(error.file == "\(file):\(line)", "\(error)")
        #expect(error.reason.contains(message), "\(error)")
        if message.hasPrefix("unknown variable 'titel'") {
            #expect(error.reason.contains("title, ") && error.reason.contains("date"))
        }
    }

    @Test func namesInsideListsAndTheirItemsAreKnown() throws {
        let (folder, _) = try override(TemplateSet.navigation) {
            $0.replacingOccurrences(of: "<li><a href=\"{{href}}\">{{title}}</a></li>",
                                    with: "<li><a href=\"{{href}}\">{{index()}} {{uppercased(title)}} {{.title}}</a></li>")
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: Never.self) { try TemplateSet(overridesIn: folder) }
    }

    @Test(arguments: [
        ("a {{language}\n", "line 1, column", "a tag is not closed"),
        ("{{#language}}\n{{/title}}", "line 2, column", "a section is closed with another name"),
        ("{{#language}}\n", "line 2, column", "a section is opened and never closed"),
        ("{{=<% =}}", "line 1", "a tag changing the delimiters is malformed"),
        ("{{$uppercased(a)}}x{{/uppercased(a)}}", "line 1", "a block ({{$name}}) cannot take a transform"),
        ("{{<parent}}{{language}}{{/parent}}", "line 1", "may hold only blocks"),
        ("{{% FOO}}", "line 1", "a configuration tag is malformed"),
        ("{{% FOO: bar}}", "line 1", "unknown configuration tag"),
        ("body {}\n{{language", "line 2", "the template ends inside a tag"),
    ])
    func mustacheErrorsAreSaidInWords(text: String, place: String, words: String) throws {
        let folder = try temporaryFolder()
        let file = folder + "/" + TemplateSet.style
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let error = try #require(loadFailure(folder))
        #expect(error.file == file)
        #expect(error.reason.contains(place) && error.reason.contains(words), "\(error)")
        // swift-mustache's own case names are not words.
        #expect(error.reason.range(of: "[a-z][A-Z]", options: .regularExpression) == nil, "\(error)")
    }

    @Test func exportRefusesToReplaceAnEditedTemplate() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try TemplateSet.exportDefaults(to: folder)
        // Exporting over unedited templates is fine.
        #expect(try TemplateSet.exportDefaults(to: folder).count == TemplateSet.fileNames.count)
        let chapter = folder + "/" + TemplateSet.chapter
        let edited = try String(contentsOfFile: chapter, encoding: .utf8).replacingOccurrences(of: "<h1>", with: "<h1 class=\"mine\">")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: chapter))
        #expect { try TemplateSet.exportDefaults(to: folder) } throws: { error in
            (error as? SheafError)?.file == chapter && "\(error)".contains("--force")
        }
        #expect(try String(contentsOfFile: chapter, encoding: .utf8) == edited)
    }

    @Test func missingOverrideFolderIsAnError() {
        #expect(throws: SheafError.self) { try TemplateSet(overridesIn: "/nonexistent/sheaf-templates") }
    }

    @Test func exportWritesEveryBuiltInTemplate() throws {
        let folder = try temporaryFolder() + "/new/templates"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let paths = try TemplateSet.exportDefaults(to: folder)
        #expect(paths.map { ($0 as NSString).lastPathComponent } == TemplateSet.fileNames)
        let chapter = try String(contentsOfFile: folder + "/chapter.xhtml.mustache", encoding: .utf8)
        #expect(chapter.contains("{{{body}}}"))
        // Exported templates read back as overrides give the same pages.
        let reloaded = try TemplateSet(overridesIn: folder)
        let context: [String: Any] = ["language": "en", "title": "T", "firstPart": true, "body": "<p>x</p>"]
        #expect(reloaded.render(TemplateSet.chapter, context) == (try TemplateSet.builtIn()).render(TemplateSet.chapter, context))
    }
}
