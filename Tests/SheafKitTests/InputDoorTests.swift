import Foundation
import Testing
@testable import SheafKit

@Suite struct InputDoorTests {
    @Test func choosesTheMirrorForItsPagesAndPassesItsFurniture() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.file("c/pages/73/1.md")
        try tree.file("c/README.md")
        let door = InputDoor.standard
        #expect(door.verdict(for: tree.root + "/c/pages/73/1.md", named: false) == .read("mirror"))
        #expect(door.verdict(for: tree.root + "/c/README.md", named: false) == .passed)
        #expect(door.verdict(for: tree.root + "/c/pages/73/a.jpg", named: false) == .passed)
    }

    @Test func skipsAFileNoFormatReadsNamingItsKind() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.file("report.DOCX", "PK\u{3}\u{4}binary")
        try tree.file("notes", "plain words")
        let door = InputDoor.standard
        #expect(door.verdict(for: tree.root + "/report.DOCX", named: true) == .skipped(Diagnostic(
            .warning, stage: .read, file: tree.root + "/report.DOCX", "not an article: no reader for .docx files")))
        #expect(door.verdict(for: tree.root + "/notes", named: true) == .skipped(Diagnostic(
            .warning, stage: .read, file: tree.root + "/notes", "not an article: no reader for files without an extension")))
        // An image named as an input is reported too: only met while walking is it an article's companion.
        #expect(door.verdict(for: tree.root + "/a.png", named: true)
                == .skipped(Diagnostic(.warning, stage: .read, file: tree.root + "/a.png", "not an article: no reader for .png files")))
    }

    @Test func aNamedFileIsRecognisedByItsFirstBytes() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.file("saved.page", "### t\n<p>x</p>\n")
        #expect(InputDoor.standard.verdict(for: tree.root + "/saved.page", named: true) == .read("mirror"))
        #expect(InputDoor.standard.verdict(for: tree.root + "/saved.page", named: false)
                == .skipped(Diagnostic(.warning, stage: .read, file: tree.root + "/saved.page", "not an article: no reader for .page files")))
        try tree.file("page.html", "<!DOCTYPE html><html><body><p>x</p></body></html>")
        #expect(InputDoor.standard.verdict(for: tree.root + "/page.html", named: false) == .read("webpage"))
        try tree.file("saved.mhtml", "MIME-Version: 1.0\n")
        #expect(InputDoor.standard.verdict(for: tree.root + "/saved.mhtml", named: false) == .read("webpage"))
        try tree.file("crawl.warc.gz", "")
        #expect(InputDoor.standard.verdict(for: tree.root + "/crawl.warc.gz", named: false) == .read("warc"))
        try tree.file("crawl", "WARC/1.1\r\nWARC-Type: warcinfo\r\n")
        #expect(InputDoor.standard.verdict(for: tree.root + "/crawl", named: true) == .read("warc"))
    }

    @Test func aForcedFormatReadsEveryNamedFile() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.file("notes", "plain words")
        let door = try InputDoor(format: "mirror")
        #expect(door.isForced)
        #expect(door.verdict(for: tree.root + "/notes", named: true) == .read("mirror"))
        #expect(door.verdict(for: tree.root + "/notes", named: false) != .read("mirror"))
    }

    @Test func anUnknownFormatIsAnErrorNamingTheKnownOnes() {
        #expect(throws: SheafError(stage: .read, "unknown input format 'rss'; the known formats are mirror, webpage, warc")) {
            try InputDoor(format: "rss")
        }
    }
}

/// A format without channels, its files `*.note` (the first line the title): what a second format looks like to
/// the door.
private struct NoteFormat: InputFormat {
    let name = "note"

    func recognises(name: String, firstBytes: [UInt8]?) -> InputRecognition {
        name.hasSuffix(".note") ? .articles : .unknown
    }

    func readArticles(in path: String, each: (Result<Article, Diagnostic>) -> Void) {
        let header = ArticleHeader(id: InputPath.stem(of: path), channel: "", title: "t", date: nil, source: nil,
                                   site: nil, files: [path])
        each(.success(Article(header: header, bodyHTML: "<p>x</p>")))
    }

    func loadBody(_ reference: EntryReference) -> Result<ArticleBody, Diagnostic> {
        .success(ArticleBody(html: "<p>x</p>", base: reference.file))
    }

    func bodyPolicy(ofFile path: String) -> BodyPolicy { BodyPolicy() }
    func articleFolder(among names: [String]) -> String? { nil }
    func skipsFolder(named name: String) -> Bool { false }
    func collectionName(ofFile path: String) -> String? { nil }
    func collectionRoot(ofFile path: String) -> String? { nil }
    func collectionName(around path: String) -> String? { nil }
    func indexes(ofCollectionAt root: String) -> (indexes: [IndexListing], problems: [Diagnostic]) { ([], []) }
    func indexFile(named name: String, inCollectionAt root: String) -> String { root }
}

@Suite struct InputDoorFormatsTests {
    let door = InputDoor(formats: [MirrorFormat(), NoteFormat()])

    @Test func asksEachFormatInTurn() {
        #expect(door.verdict(for: "/x/trip/day1.note", named: false) == .read("note"))
        #expect(door.verdict(for: "/x/pages/73/1.md", named: false) == .read("mirror"))
    }

    @Test func aFormatWithoutChannelsGroupsByFolder() {
        var headers: [ArticleHeader] = []
        door.readArticles(in: InputFile(path: "/x/trip/day1.note", format: "note")) { headers.append(try! $0.get().header) }
        #expect(headers.map(\.format) == ["note"])
        #expect(headers.map(\.folder) == ["trip"])
        #expect(headers.map(\.channel) == ["trip"], "--group-by channel uses the folder")
    }
}
