import Foundation
import Testing

/// Hostile and broken input, generated into a temporary collection and built by the real `sheaf` binary:
/// every case is repaired or skipped with its reason, the run finishes and writes valid books.
@Suite(.serialized) struct BadInputTests {
    /// A hang guard, not a timing assertion: a debug build of the whole collection takes a few seconds.
    static let deadline: TimeInterval = 120
    static let marker = "SHEAF-SECRET-MARKER-7391"

    /// An article of the mirror format around `body`, with its own source URL (so none is a duplicate of another).
    static func article(_ title: String, _ body: String, source: String) -> String {
        "### \(title)\n\n<p>【明慧网二零二零年六月二十日】</p>\n\(body)\n\n原文地址：\(source)\n"
    }

    /// Chinese prose with enough common ideographs for the legacy-encoding guess.
    static let chinese = String(repeating: "我们在中国的生活是这样的一个大事情，人民都知道了这些年来的问题。", count: 4)

    /// Each generated file (name under `pages/73/`) and its bytes.
    static func cases(secret: String) -> [(name: String, bytes: [UInt8])] {
        var counter = 0
        func text(_ title: String, _ body: String) -> [UInt8] {
            counter += 1
            return Array(article(title, body, source: "https://example.org/a/\(counter).html").utf8)
        }
        let png = TestImages.bytes(TestImages.pixel)
        let utf16 = { (title: String) in article(title, "<p>\(chinese)</p>", source: "https://example.org/\(title)") }
        let illegal = (1..<32).filter { ![9, 10, 13].contains($0) }.map { String(UnicodeScalar(UInt8($0))) }.joined()
        let laughs = (2...9).map { level in
            "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }.joined()
        return [
            ("good.md", text("A good article", "<p>Hello.</p>")),
            ("empty.md", []),
            ("binary.md", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7) }),
            ("picture.md", png),
            ("bad-utf8.md", text("Bad bytes", "<p>ok</p>").dropLast(1) + [0xFF, 0xFE, 0xC3, 0x28, 0x0A]),
            ("utf16-bom.md", [0xFF, 0xFE] + utf16("UTF16BOM").utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
            ("utf16-nobom.md", utf16("UTF16LE").utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
            ("gb18030.md", gb18030(utf16("GB18030"))),
            ("deep.md", text("Deep", String(repeating: "<div>", count: 10_000) + "deep"
                + String(repeating: "</div>", count: 10_000))),
            ("attributes.md", text("Attributes", "<p " + (0..<1_000_000).map { "a\($0)=\"v\"" }.joined(separator: " ")
                + ">many attributes</p>")),
            ("long-title.md", text(String(repeating: "T", count: 100_000), "<p>A long title.</p>")),
            ("nul.md", text("NUL", "<p>a\u{0}b</p>")),
            ("control.md", text("Control\u{1}\u{2}", "<p>controls: \(illegal)</p>")),
            ("laughs.md", text("Laughs", "<!DOCTYPE lolz [<!ENTITY lol1 \"lol\">\(laughs)]><p>&lol9; laughs</p>")),
            ("external.md", text("External", "<!DOCTYPE p [<!ENTITY xxe SYSTEM \"file://\(secret)\">"
                + "<!ENTITY % dtd SYSTEM \"http://127.0.0.1:9/x.dtd\"> %dtd;]><p>&xxe; external</p>")),
            ("references.md", text("References", "<p><img src=\"file://\(secret)\"> <img src=\"http://127.0.0.1:9/a.png\">"
                + " <a href=\"file://\(secret)\">file</a> <iframe src=\"file://\(secret)\"></iframe>"
                + " <object data=\"file://\(secret)\"></object> <link href=\"http://127.0.0.1:9/a.css\"> references</p>")),
            ("duplicate-1.md", text("Duplicate", "<p id=\"x\">one</p><p id=\"x\">two</p><a name=\"x\">three</a>")),
            ("duplicate-2.md", text("Duplicate", "<p id=\"x\">four</p>")),
            ("with space.md", text("Space", "<p>space</p>")),
            ("bang!.md", text("Bang", "<p>bang</p>")),
            ("emoji😀.md", text("Emoji", "<p>emoji</p>")),
            ("名字.md", text("Chinese name", "<p>name</p>")),
            ("..md", text("Dots", "<p>dots</p>")),
            ("-rf.md", text("Dash", "<p>dash</p>")),
            ("quote'\"<>&.md", text("Quotes", "<p>quotes</p>")),
            (String(repeating: "n", count: 252) + ".md", text("Long name", "<p>a 255-byte name</p>")),
        ]
    }

    static func gb18030(_ text: String) -> [UInt8] {
        let encoding = String.Encoding(rawValue: 0x8000_0632)
        return [UInt8](text.data(using: encoding) ?? Data())
    }

    /// What the report must say about each case (a substring of the reason or note); cases not listed are packaged.
    static let skipped: [String: String] = [
        "empty.md": "empty file", "binary.md": "binary file", "picture.md": "PNG image", "nul.md": "binary file",
        "huge.md": "too large", "loop": "symbolic link loop",
        "pipe.md": "not a regular file",
        "escape.md": "symbolic link leads outside the input folder", "passwd.md": "leads outside the input folder",
        "outside-folder": "symbolic link leads outside the input folder",
    ]
    static let noted: [String: String] = [
        "bad-utf8.md": "invalid UTF-8", "utf16-bom.md": "UTF-16", "utf16-nobom.md": "no byte order mark",
        "gb18030.md": "GB18030", "deep.md": "flattened", "attributes.md": "more than 256 attributes",
        "long-title.md": "cut to 300",
    ]
    /// Hidden files (a leading dot) are not articles; a walk passes over them like over any dot-file.
    static let ignored: Set<String> = ["..md"]

    /// Writes every case, a 50 MiB article, a symbolic link loop and an unreadable file into `root`.
    static func makeCollection(at root: String, secret: String) throws {
        let pages = root + "/pages/73"
        try FileManager.default.createDirectory(atPath: pages, withIntermediateDirectories: true)
        for (name, bytes) in cases(secret: secret) {
            #expect(FileManager.default.createFile(atPath: "\(pages)/\(name)", contents: Data(bytes)), "\(name)")
        }
        #expect(FileManager.default.createFile(atPath: "\(pages)/huge.md", contents: nil))
        let huge = try FileHandle(forWritingTo: URL(fileURLWithPath: "\(pages)/huge.md"))
        try huge.write(contentsOf: Data(article("Huge", "", source: "https://example.org/huge").utf8))
        let block = Data(String(repeating: "<p>" + String(repeating: "x", count: 1017) + "</p>\n", count: 1024).utf8)
        for _ in 0..<50 { try huge.write(contentsOf: block) }
        try huge.close()
        try FileManager.default.createSymbolicLink(atPath: "\(pages)/loop", withDestinationPath: "..")
        #expect(mkfifo("\(pages)/pipe.md", 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: "\(pages)/linked.md", withDestinationPath: "../../elsewhere.md")
        try article("Linked", "<p>a symbolic link to an article</p>", source: "https://example.org/linked")
            .write(toFile: root + "/elsewhere.md", atomically: false, encoding: .utf8)
        try "### Locked\n\n<p>locked</p>\n\n原文地址：https://example.org/locked\n".write(
            toFile: "\(pages)/locked.md", atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: "\(pages)/locked.md")
        try makeEscapes(from: pages, outside: (root as NSString).deletingLastPathComponent)
    }

    /// Links from inside the collection to a file and a folder beside it, and to a system file: none is read.
    static func makeEscapes(from pages: String, outside: String) throws {
        let folder = outside + "/outside-folder"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (index, file) in [outside + "/outside.md", folder + "/1.md"].enumerated() {
            try article("Outside \(index)", "<p>\(marker)</p>", source: "https://example.org/outside/\(index)")
                .write(toFile: file, atomically: false, encoding: .utf8)
        }
        try FileManager.default.createSymbolicLink(atPath: "\(pages)/escape.md", withDestinationPath: "../../../outside.md")
        try FileManager.default.createSymbolicLink(atPath: "\(pages)/passwd.md", withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: "\(pages)/../outside-folder", withDestinationPath: folder)
    }

    @Test func everyBadInputIsRepairedOrSkippedWithAReason() throws {
        let scratch = try Scratch()
        let secret = scratch.path("secret.txt")
        try "\(Self.marker)\n".write(toFile: secret, atomically: false, encoding: .utf8)
        try Self.makeCollection(at: scratch.path("coll"), secret: secret)
        let run = try runWithDeadline(Sheaf.executable, ["build", scratch.path("coll"), "--group-by", "all",
                                                         "--out", scratch.path("books"), "--report", scratch.path("report.json")])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: scratch.path("report.json"))))
            as? [String: Any] ?? [:]
        let name = { (entry: [String: Any]) in ((entry["file"] as? String ?? "") as NSString).lastPathComponent }
        let skipped = Dictionary((report["skipped"] as? [[String: Any]] ?? []).map { (name($0), $0["reason"] as? String ?? "") }) { $0 + $1 }
        let notes = Dictionary((report["notes"] as? [[String: Any]] ?? []).map { (name($0), $0["message"] as? String ?? "") }) { "\($0); \($1)" }
        for (file, reason) in Self.skipped { #expect(skipped[file]?.contains(reason) == true, "\(file): \(skipped[file] ?? "not skipped")") }
        for (file, note) in Self.noted { #expect(notes[file]?.contains(note) == true, "\(file): \(notes[file] ?? "no note")") }
        // Root reads any file whatever its mode: the permission case can only be checked as another user.
        if getuid() != 0 { #expect(skipped["locked.md"]?.contains("cannot read file") == true) }

        let volumes = report["volumes"] as? [[String: Any]] ?? []
        let packaged = Set(volumes.flatMap { $0["articles"] as? [[String: Any]] ?? [] }
            .flatMap { $0["files"] as? [String] ?? [] }.map { ($0 as NSString).lastPathComponent })
        let expected = Set(Self.cases(secret: secret).map(\.name) + ["linked.md"]).subtracting(Self.skipped.keys).subtracting(Self.ignored)
        #expect(packaged.isDisjoint(with: Self.ignored) && Set(skipped.keys).isDisjoint(with: Self.ignored))
        #expect(expected.subtracting(packaged).isEmpty, "not packaged: \(expected.subtracting(packaged).sorted())")
        #expect(volumes.count == 1)
        for volume in volumes { try checkBook(volume["file"] as? String ?? "") }
    }

    /// The book is a sound EPUB (EPUBCheck when installed) and holds nothing read through an entity or a link.
    func checkBook(_ path: String) throws {
        let book = try EPUB(path: path)
        #expect(book.entries.first == "mimetype")
        #expect(book.entries.allSatisfy { $0.hasPrefix("OEBPS/") || $0 == "mimetype" || $0.hasPrefix("META-INF/") })
        let everything = try runProcess("/usr/bin/unzip", ["-p", path]).stdout
        #expect(!everything.contains(Self.marker), "the book holds text read through a file: reference")
        #expect(!everything.contains("root:x:0:0"))
        #expect(!everything.contains(String(repeating: "lol", count: 100)), "an entity was expanded")
        if EPUBCheck.jar != nil {
            let result = try EPUBCheck.check(path)
            #expect(result.passed, "\(result.output)")
        }
    }

    @Test func aFileNamedOnTheCommandLineWithDotDotAndHostileCharactersIsRead() throws {
        let scratch = try Scratch()
        try Self.makeCollection(at: scratch.path("coll"), secret: scratch.path("secret.txt"))
        let run = try runWithDeadline(Sheaf.executable, ["build", scratch.path("coll/pages/73/../73/quote'\"<>&.md"),
                                                         "--group-by", "all", "--out", scratch.path("books"), "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let books = try FileManager.default.contentsOfDirectory(atPath: scratch.path("books")).filter { $0.hasSuffix(".epub") }
        #expect(books.count == 1)
        #expect(books.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "/") } })
    }
}

/// Runs a program to completion like `runProcess`, but kills it (by its pid) and records a failure when it
/// outlives `BadInputTests.deadline`: a hang guard.
func runWithDeadline(_ executable: String, _ arguments: [String]) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let pid = process.processIdentifier
    let guardTimer = DispatchWorkItem {
        Issue.record("sheaf \(arguments.joined(separator: " ")) still running after \(BadInputTests.deadline) s: killed")
        kill(pid, SIGKILL)
    }
    DispatchQueue.global().asyncAfter(deadline: .now() + BadInputTests.deadline, execute: guardTimer)
    let errData = ReadAll(err)
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guardTimer.cancel()
    return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData.wait(), as: UTF8.self))
}
