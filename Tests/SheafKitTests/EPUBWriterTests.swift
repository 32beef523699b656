import Foundation
import Testing
@testable import SheafKit

@Suite struct EPUBWriterTests {
    private func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "sheaf-writer-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// `unzip -Z -v`-like facts read straight from the local headers: (name, method, extra length).
    private func localEntries(_ data: Data) -> [(name: String, method: UInt16, extra: UInt16, time: UInt16, date: UInt16)] {
        let bytes = [UInt8](data)
        func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { Int(u16(at)) | Int(u16(at + 2)) << 16 }
        var entries: [(String, UInt16, UInt16, UInt16, UInt16)] = []
        var offset = 0
        while offset + 30 <= bytes.count, u32(offset) == 0x0403_4b50 {
            let nameLength = Int(u16(offset + 26)), extraLength = u16(offset + 28)
            let name = String(decoding: bytes[(offset + 30)..<(offset + 30 + nameLength)], as: UTF8.self)
            entries.append((name, u16(offset + 8), extraLength, u16(offset + 10), u16(offset + 12)))
            offset += 30 + nameLength + Int(extraLength) + u32(offset + 18)
        }
        return entries
    }

    @Test func archiveStartsWithStoredMimetypeAndListsEveryFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let book = try SampleVolume.book(SampleVolume.sectioned)
        let path = folder + "/out/book.epub"  // the folder does not exist yet
        try EPUBWriter().write(book, to: path)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(String(decoding: data[30..<58], as: UTF8.self) == "mimetypeapplication/epub+zip")
        let entries = localEntries(data)
        #expect(entries.map(\.name) == ["mimetype", "META-INF/container.xml", "OEBPS/content.opf", "OEBPS/toc.ncx",
                                        "OEBPS/nav.xhtml", "OEBPS/text/cover.xhtml", "OEBPS/text/titlepage.xhtml",
                                        "OEBPS/text/c0001.xhtml", "OEBPS/text/c0002.xhtml", "OEBPS/text/c0003.xhtml",
                                        "OEBPS/images/cover.jpg", "OEBPS/style/style.css"])
        #expect(entries[0].method == 0 && entries[0].extra == 0)
        // Text deflated; the JPEG cover, compressed already, stored.
        #expect(entries.dropFirst().allSatisfy { $0.method == ($0.name.hasSuffix(".jpg") ? 0 : 8) })
        // Newest article 2021-01-19 00:00:00 → DOS date (41 << 9 | 1 << 5 | 19), time 0.
        #expect(entries.allSatisfy { $0.date == 41 << 9 | 1 << 5 | 19 && $0.time == 0 })
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder + "/out")
        #expect(leftovers == ["book.epub"])
    }

    @Test func twoWritesAreByteIdentical() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let environment = BuildEnvironment(sourceDateEpoch: 1_611_000_000)
        try EPUBWriter().write(try SampleVolume.book(SampleVolume.flat, environment: environment), to: folder + "/a.epub")
        try EPUBWriter().write(try SampleVolume.book(SampleVolume.flat, environment: environment), to: folder + "/b.epub")
        let first = try Data(contentsOf: URL(fileURLWithPath: folder + "/a.epub"))
        #expect(first == (try Data(contentsOf: URL(fileURLWithPath: folder + "/b.epub"))))
        // Changing TZ in-process would race with tests running in parallel; the archive code never calls
        // localtime (DOS times come from the UTC timestamp), and the generator run checks TZ across processes.
    }

    @Test func failedWriteLeavesTheExistingBookAlone() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/book.epub"
        try Data("old book".utf8).write(to: URL(fileURLWithPath: path))
        var book = try SampleVolume.book(SampleVolume.flat)
        book.resources.append(book.resources[0])  // a duplicate entry name makes libzip refuse the archive
        #expect(throws: SheafError.self) { try EPUBWriter().write(book, to: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("old book".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["book.epub"])
    }

    @Test func unwritableDestinationIsAWriteError() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data().write(to: URL(fileURLWithPath: folder + "/file"))
        let path = folder + "/file/book.epub"  // its folder is a file
        #expect { try EPUBWriter().write(try SampleVolume.book(SampleVolume.flat), to: path) } throws: { error in
            (error as? SheafError).map { $0.stage == .write && $0.file == path } ?? false
        }
    }

    /// Writes sample books for EPUBCheck and a reader into `$SHEAF_SAMPLE_BOOKS` (skipped when unset).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SHEAF_SAMPLE_BOOKS"] != nil,
                   "set SHEAF_SAMPLE_BOOKS=DIR to write sample books"))
    func writeSampleBooks() throws {
        let folder = ProcessInfo.processInfo.environment["SHEAF_SAMPLE_BOOKS"] ?? ""
        let environment = try BuildEnvironment(environment: ProcessInfo.processInfo.environment)
        for (volume, chapters) in SampleBooks.all() {
            let book = try BookAssembler(templates: TemplateSet.builtIn(), environment: environment)
                .assemble(volume, chapters: chapters)
            try EPUBWriter().write(book, to: folder + "/" + volume.fileName)
        }
    }
}

/// Synthetic volumes that exercise what EPUBCheck and readers care about.
enum SampleBooks {
    static func all() -> [(Volume, [Chapter])] {
        [cjkSectioned(), englishFlat(), undated(), empty(), imagesAndLinks()]
    }

    /// Stored images (one used by both chapters), placeholders and links between chapters, through the writer.
    static func imagesAndLinks() -> (Volume, [Chapter]) {
        let a = SampleVolume.article("1", "图片与链接"), b = SampleVolume.article("2", "第二篇")
        var volume = SampleVolume.volume(sections: [VolumeSection(title: nil, articles: [a, b])])
        volume.fileName = "images-and-links.epub"
        let writer = XHTMLWriter(language: "zh", links: BookLinks(volume: volume))
        let png = TestImages.uri(TestImages.png), jpeg = TestImages.uri(TestImages.jpeg, declaring: "image/gif")
        let first = "<p>PNG<img src='\(png)' alt='绿'>、JPEG<img src='\(jpeg)'>、GIF<a href='/big.gif'><img src='"
            + TestImages.uri(TestImages.gif) + "'></a></p><p><ok href='../pages/73/2.md'>第二篇</ok>，"
            + "<img src='//x.org/远程.jpg' alt='远程'>，<img src='data:image/png;base64,@'></p>"
        let second = "<p>同一张图：<img src='\(png)'>，回到<a href='https://www.minghui.org/mh/articles/2021/1/18/1.html'>第一篇</a></p>"
        let mirror = MirrorFormat().bodyPolicy(ofFile: "pages/73/1.md")
        return (volume, [writer.chapter(for: Article(header: a, bodyHTML: first, policy: mirror)).chapter,
                         writer.chapter(for: Article(header: b, bodyHTML: second, policy: mirror)).chapter])
    }

    private static let paragraph = "<p>明慧网通讯员报道：这是一段用于测试的中文段落，包含标点符号、数字 2021 和英文 word，以检验两端对齐与首行缩进的效果。</p>"

    private static func cjkSectioned() -> (Volume, [Chapter]) {
        let a = SampleVolume.article("407787", "大陆法轮功学员 & 朋友 <新年> “祝福”")
        let b = SampleVolume.article("407788", "长篇报道：超过六百千字节的文章必须分割",
                                     source: "https://www.minghui.org/mh/articles/2021/1/18/长 篇.html")
        let c = SampleVolume.article("407801", "第三篇 'quotes' \"double\"", date: ArticleDate(year: 2021, month: 1, day: 19),
                                     site: "看中国")
        let volume = SampleVolume.volume(sections: [
            VolumeSection(title: "2021-01-18 星期一", articles: [a, b]),
            VolumeSection(title: "2021-01-19 星期二", articles: [c]),
        ])
        let long = Array(repeating: paragraph, count: 3_600)  // ~650 KB
        let figure = #"<p><span class="image-missing">[图片：无法离线获取]</span></p>"#
        let list = "<ul><li>第一项</li><li>第二项 &amp; 更多</li></ul><blockquote><p>引用的文字。</p></blockquote>"
        return (volume, [
            Chapter(article: a, blocks: [paragraph, figure, paragraph, list]),
            Chapter(article: b, blocks: long),
            Chapter(article: c, blocks: [paragraph, "<h2>小标题</h2>", paragraph]),
        ])
    }

    private static func englishFlat() -> (Volume, [Chapter]) {
        let a = SampleVolume.article("1", "Tom & Jerry <live> \"quoted\" 'single'", source: "http://example.com/a b?x=1&y=<2>",
                                     site: "Example News")
        let b = SampleVolume.article("2", "No source, no site", source: .some(nil), site: nil)
        var volume = SampleVolume.volume(sections: [VolumeSection(title: nil, articles: [a, b])], language: "en")
        volume.title = "News & <Views> \"2021\""
        volume.subtitle = "A week's reading"
        volume.fileName = "news-en.epub"
        let text = "<p>An English paragraph with enough words to wrap across a line or two on a small e-ink screen.</p>"
        return (volume, [Chapter(article: a, blocks: [text, text]), Chapter(article: b, blocks: [text])])
    }

    /// No articles and no language: still a valid book.
    private static func empty() -> (Volume, [Chapter]) {
        var volume = SampleVolume.volume(sections: [VolumeSection(title: "Empty section", articles: [])], language: "")
        volume.fileName = "empty.epub"
        return (volume, [])
    }

    private static func undated() -> (Volume, [Chapter]) {
        let a = SampleVolume.article("9", "无日期的文章", date: nil)
        var volume = SampleVolume.volume(sections: [VolumeSection(title: nil, articles: [a])])
        volume.key = "undated"
        volume.title = "mh-news undated"
        volume.subtitle = nil
        volume.fileName = "mh-news-undated.epub"
        return (volume, [Chapter(article: a, blocks: [paragraph])])
    }
}
