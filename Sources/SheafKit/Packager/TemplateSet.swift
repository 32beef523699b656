import Foundation
import Mustache

/// The Mustache templates of the reader-visible pages: built-in copies, each overridable by a user's file.
///
/// Each template is checked as it is loaded (see `TemplateCheck`), so a broken one stops the run before any
/// book is made; the pages rendered from it are checked again as they are made (`page`, `checkPage`).
public struct TemplateSet: Sendable {
    /// The file names of the templates, as exported and as looked for in an override folder.
    public static let fileNames = [chapter, titlepage, navigation, style, cover]

    static let chapter = "chapter.xhtml.mustache"
    static let titlepage = "titlepage.xhtml.mustache"
    static let navigation = "nav.xhtml.mustache"
    static let style = "style.css.mustache"
    static let cover = "cover.xhtml.mustache"

    /// The names each template may use: its page's context (see `PageContext`).
    static let names: [String: TemplateNames] = [
        chapter: PageContext.chapterNames, titlepage: PageContext.titlepageNames,
        navigation: PageContext.navigationNames, style: PageContext.styleNames, cover: PageContext.coverNames,
    ]

    /// Stands for the markup Sheaf inserts (an article's body, already well-formed) when a page is checked
    /// without it: what is left to check is the template's own part of the page.
    static let markupProbe = "<p/>"

    private let templates: [String: MustacheTemplate]
    /// Where each template came from: the user's file, or the built-in template's name.
    private let origins: [String: String]
    /// Templates whose only unescaped value is the markup: for them one page checked stands for every page of
    /// the same shape (see `checkPage`).
    private let byShape: Set<String>
    /// The shapes checked so far, shared by the threads making books.
    private let checkedShapes = CheckedShapes()
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
    /// A file there that differs from the built-in template (one the user edited) is replaced only with `force`:
    /// without it nothing is written and the error names each such file.
    public static func exportDefaults(to directory: String, force: Bool = false) throws -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw SheafError(stage: .write, file: directory, "cannot create folder: \(error.localizedDescription)")
        }
        let edited = fileNames.map { (directory as NSString).appendingPathComponent($0) }.filter { path in
            guard let data = FileManager.default.contents(atPath: path) else {
                return FileManager.default.fileExists(atPath: path)  // there, but not a readable file
            }
            return data != Data((builtInSources[(path as NSString).lastPathComponent] ?? "").utf8)
        }
        if let first = edited.first, !force {
            throw edited.count == 1
                ? SheafError(stage: .write, file: first, "exists and differs from the built-in template; nothing was "
                             + "written: use --force to replace it")
                : SheafError(stage: .write, file: directory, edited.joined(separator: ", ") + " exist and differ from "
                             + "the built-in templates; nothing was written: use --force to replace them")
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

    /// Renders an XHTML page and checks that it is well-formed XML; a page that is not fails, naming the template.
    func page(_ name: String, _ context: [String: Any]) throws -> String {
        let text = render(name, context)
        try check(name, text)
        return text
    }

    /// Checks the page `name` renders from `context` (whose markup is `markupProbe`) without keeping it.
    ///
    /// Which parts of the template a page holds depends only on which of its context's values are there (and,
    /// for flags, true): its shape. The values themselves are escaped, so one page checked per shape stands
    /// for the others — unless the template inserts a value other than the markup unescaped, when every page
    /// is checked. (Checking every chapter cost a quarter of a corpus build's time.)
    func checkPage(_ name: String, _ context: [String: Any]) throws {
        let shape = byShape.contains(name) ? name + ":" + context.keys.sorted().map { key in
            (context[key] as? Bool).map { "\(key)=\($0)" } ?? key
        }.joined(separator: ",") : nil
        if let shape, checkedShapes.contains(shape) { return }
        try check(name, render(name, context))
        if let shape { checkedShapes.insert(shape) }
    }

    private func check(_ name: String, _ page: String) throws {
        guard let found = XMLWellFormedness.problem(in: page) else { return }
        let origin = origins[name] ?? name
        throw SheafError(stage: .assemble, file: origin, "the template \(origin) gives a page that is not well-formed "
                         + "XHTML (line \(found.line) of the page: \(found.message))")
    }

    // MARK: - Loading

    private init(sources: [String: (text: String, origin: String)]) throws {
        var templates: [String: MustacheTemplate] = [:]
        var origins: [String: String] = [:]
        var byShape: Set<String> = []
        var texts: [String] = []
        for name in Self.fileNames {
            let source = sources[name] ?? (Self.builtInSources[name] ?? "", "")
            let file = source.origin.isEmpty ? name : source.origin
            texts.append(source.text)
            do {
                // Parsed as written first, so a parse error's line and column are the file's own.
                _ = try MustacheTemplate(string: source.text)
                templates[name] = try MustacheTemplate(string: MarkupEscaping.pragma + source.text)
            } catch {
                throw SheafError(stage: .assemble, file: file, "template does not parse: \(Self.describe(error))")
            }
            try TemplateCheck(file: file, names: Self.names[name] ?? TemplateNames([]))
                .check(source.text, xhtml: name.hasSuffix(".xhtml.mustache"))
            origins[name] = file
            let unescaped = MustacheTags.scan(source.text).filter { $0.kind == .unescaped }.map(\.name)
            if unescaped.allSatisfy({ $0 == "body" }) { byShape.insert(name) }
        }
        self.templates = templates
        self.origins = origins
        self.byShape = byShape
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

    /// swift-mustache's parse error in words, where it is: "line 15, column 25: a tag is not closed …".
    private static func describe(_ error: Error) -> String {
        guard let parserError = error as? MustacheTemplate.ParserError else { return String(describing: error) }
        let context = parserError.context
        return "line \(context.lineNumber), column \(context.columnNumber): " + sentence(for: parserError.error)
    }

    private static func sentence(for error: Error) -> String {
        // Anything else is swift-mustache's reader running out of text, inside a tag.
        guard let error = error as? MustacheTemplate.Error else { return "the template ends inside a tag ({{ without }})" }
        switch error {
        case .sectionCloseNameIncorrect:
            return "a section is closed with another name than it was opened with ({{#name}} … {{/name}})"
        case .unfinishedName:
            return "a tag is not closed, or its name holds a character names cannot have ({{name}})"
        case .expectedSectionEnd:
            return "a section is opened and never closed ({{#name}} needs its {{/name}})"
        case .invalidSetDelimiter:
            return "a tag changing the delimiters is malformed ({{=<% %>=}})"
        case .transformAppliedToInheritanceSection:
            return "a block ({{$name}}) cannot take a transform"
        case .illegalTokenInsideInheritSection:
            return "a parent tag ({{<name}} … {{/name}}) may hold only blocks ({{$name}} … {{/name}})"
        case .textInsideInheritSection:
            return "a parent tag ({{<name}} … {{/name}}) may hold only blocks, not text"
        case .invalidConfigVariableSyntax:
            return "a configuration tag is malformed ({{% NAME: value}})"
        case .unrecognisedConfigVariable:
            return "unknown configuration tag (CONTENT_TYPE is the only one)"
        }
    }
}

/// The page shapes a `TemplateSet` has checked; safe to share between threads.
private final class CheckedShapes: @unchecked Sendable {
    private let lock = NSLock()
    private var shapes: Set<String> = []

    func contains(_ shape: String) -> Bool { lock.withLock { shapes.contains(shape) } }

    func insert(_ shape: String) { _ = lock.withLock { shapes.insert(shape) } }
}

/// The escaping of `{{name}}`: swift-mustache's HTML escaping (`< > & " '`) done on bytes, and skipped for
/// text with none of them.
///
/// swift-mustache escapes character by character through a dictionary, which was a third of the time its
/// pages took (and a chapter page is rendered for every article). Each template is parsed with `pragma` before
/// its text, which selects this escaping; a template that names a content type of its own still gets it.
struct MarkupEscaping: MustacheContentType {
    /// The content type's name, as a pragma names it.
    static let name = "SHEAF_MARKUP"
    /// The tag that selects this escaping, registered with swift-mustache on first use.
    static var pragma: String {
        _ = registration
        return "{{% CONTENT_TYPE: \(name)}}"
    }

    private static let registration: Void = MustacheContentTypes.register(MarkupEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        let special: (UInt8) -> Bool = { byte in
            byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
        }
        guard text.utf8.contains(where: special) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"): escaped += "&lt;".utf8
            case UInt8(ascii: ">"): escaped += "&gt;".utf8
            case UInt8(ascii: "&"): escaped += "&amp;".utf8
            case UInt8(ascii: "\""): escaped += "&quot;".utf8
            case UInt8(ascii: "'"): escaped += "&#39;".utf8
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }
}
