import Foundation
import Mustache

/// The Mustache templates of the reader-visible pages: built-in copies, each overridable by a user's file.
public struct TemplateSet: Sendable {
    /// The file names of the templates, as exported and as looked for in an override folder.
    public static let fileNames = [chapter, titlepage, navigation, style, cover]

    static let chapter = "chapter.xhtml.mustache"
    static let titlepage = "titlepage.xhtml.mustache"
    static let navigation = "nav.xhtml.mustache"
    static let style = "style.css.mustache"
    static let cover = "cover.xhtml.mustache"

    private let templates: [String: MustacheTemplate]
    /// The templates' texts in `fileNames` order: what a catalog's fingerprint covers.
    let sourceTexts: [String]

    /// The templates compiled into the binary.
    public static func builtIn() throws -> TemplateSet {
        try TemplateSet(overridesIn: nil)
    }

    /// The built-in templates, each replaced by `directory/<file name>` when that file exists.
    public init(overridesIn directory: String?) throws {
        var sources: [String: (text: String, origin: String)] = [:]
        if let directory {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
                throw SheafError(stage: .assemble, file: directory, "template folder not found")
            }
            for name in Self.fileNames {
                let path = (directory as NSString).appendingPathComponent(name)
                guard FileManager.default.fileExists(atPath: path) else { continue }
                sources[name] = (try Self.readText(path), path)
            }
        }
        try self.init(sources: sources)
    }

    /// Writes the built-in templates into `directory` (created if missing) and returns the paths written.
    public static func exportDefaults(to directory: String) throws -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw SheafError(stage: .write, file: directory, "cannot create folder: \(error.localizedDescription)")
        }
        return try fileNames.map { name in
            let path = (directory as NSString).appendingPathComponent(name)
            do {
                try Data((builtInSources[name] ?? "").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw SheafError(stage: .write, file: path, "cannot write template: \(error.localizedDescription)")
            }
            return path
        }
    }

    /// Renders the template named `name` (one of `fileNames`) with a context of dictionaries and arrays.
    func render(_ name: String, _ context: [String: Any]) -> String {
        templates[name]?.render(context) ?? ""
    }

    // MARK: - Loading

    private init(sources: [String: (text: String, origin: String)]) throws {
        var templates: [String: MustacheTemplate] = [:]
        var texts: [String] = []
        for name in Self.fileNames {
            let source = sources[name] ?? (Self.builtInSources[name] ?? "", "")
            texts.append(source.text)
            do {
                templates[name] = try MustacheTemplate(string: source.text)
            } catch {
                let file = source.origin.isEmpty ? name : source.origin
                throw SheafError(stage: .assemble, file: file, "template does not parse: \(Self.describe(error))")
            }
        }
        self.templates = templates
        self.sourceTexts = texts
    }

    private static let builtInSources: [String: String] = [
        chapter: String(decoding: PackageResources.chapter_xhtml_mustache, as: UTF8.self),
        titlepage: String(decoding: PackageResources.titlepage_xhtml_mustache, as: UTF8.self),
        navigation: String(decoding: PackageResources.nav_xhtml_mustache, as: UTF8.self),
        style: String(decoding: PackageResources.style_css_mustache, as: UTF8.self),
        cover: String(decoding: PackageResources.cover_xhtml_mustache, as: UTF8.self),
    ]

    private static func readText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SheafError(stage: .assemble, file: path, "cannot read template")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SheafError(stage: .assemble, file: path, "template is not valid UTF-8")
        }
        return text
    }

    private static func describe(_ error: Error) -> String {
        guard let parserError = error as? MustacheTemplate.ParserError else { return String(describing: error) }
        let context = parserError.context
        return "line \(context.lineNumber), column \(context.columnNumber): \(parserError.error)"
    }
}
