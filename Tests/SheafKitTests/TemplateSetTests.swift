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

    @Test func chapterOverrideWinsAndOthersStayBuiltIn() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("CUSTOM {{title}}".utf8).write(to: URL(fileURLWithPath: folder + "/chapter.xhtml.mustache"))
        let templates = try TemplateSet(overridesIn: folder)
        #expect(templates.render(TemplateSet.chapter, ["title": "a&b"]) == "CUSTOM a&amp;b")
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
            return error.file == path && error.reason.contains("line 3") && error.reason.contains("sectionCloseNameIncorrect")
        }
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
