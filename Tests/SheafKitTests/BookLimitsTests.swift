import Foundation
import Testing
@testable import SheafKit

/// Per-book caps, made small so that the cases stay fast.
@Suite struct BookLimitsTests {
    /// The chapters through the image cap one at a time, in reading order, as the build passes them.
    static func limiting(_ chapters: [Chapter], to maxImages: Int) -> ([Chapter], Diagnostic?) {
        var cap = BookLimits(maxImages: maxImages).imageCap()
        let limited = chapters.map { cap.limit($0, language: "zh") }
        return (limited, cap.note(file: "x.epub"))
    }

    @Test func imagesPastTheLimitBecomePlaceholdersWithANote() throws {
        let (volume, chapters) = SampleBooks.imagesAndLinks()
        let names = chapters[0].images.map(\.name)
        #expect(names.count == 3 && chapters[1].images.map(\.name) == [names[0]])
        let (limited, note) = Self.limiting(chapters, to: 2)
        #expect(limited[0].images.map(\.name) == Array(names.prefix(2)))
        #expect(limited[1] == chapters[1], "an image already stored is not counted again")
        let page = limited[0].blocks.joined()
        #expect(!page.contains(names[2]) && page.contains(names[0]) && page.contains(names[1]))
        #expect(page.contains("<span class=\"image-missing\">［图片］</span>"))
        #expect(note?.message == "the book reached its limit of 2 images: 1 more are shown as placeholders")

        let book = try BookAssembler(templates: TemplateSet.builtIn(), environment: BuildEnvironment())
            .assemble(volume, chapters: limited)
        #expect(book.resources.filter { $0.href.hasPrefix("images/") && $0.id != BookCover.imageID }.count == 2)
        let scratch = try Scratch()
        try EPUBWriter().write(book, to: scratch.path("limited.epub"))
        if EPUBCheck.jar != nil {
            let result = try EPUBCheck.check(scratch.path("limited.epub"))
            #expect(result.passed, "\(result.output)")
        }
    }

    @Test func withinTheLimitNothingChanges() {
        let (_, chapters) = SampleBooks.imagesAndLinks()
        let (limited, note) = Self.limiting(chapters, to: 3)
        #expect(limited == chapters && note == nil)
    }

    @Test func placeholderKeepsTheEscapedDescriptionAndOtherImages() {
        let block = #"<p><img alt="a &quot;/&gt;&lt;b&gt; />" src="../images/x.png"/> and <img alt="" src="../images/y.png"/></p>"#
        #expect(BookLimits.replacingImages(["x.png"], in: block, language: "en")
            == #"<p><span class="image-missing">[Image: a &quot;/&gt;&lt;b&gt; />]</span> and <img alt="" src="../images/y.png"/></p>"#)
        #expect(BookLimits.replacingImages(["z.png"], in: block, language: "en") == block)
    }

    @Test func aBookOverTheSizeLimitIsRefusedBeforeWriting() throws {
        let book = try SampleVolume.book(SampleVolume.flat)
        let size = book.resources.reduce(0) { $0 + $1.contents.count }
        #expect(throws: Never.self) { try BookLimits(maxBytes: size).checkSize(of: book, file: "x.epub") }
        #expect {
            try BookLimits(maxBytes: size - 1).checkSize(of: book, file: "x.epub")
        } throws: { error in
            (error as? SheafError)?.reason.contains("above the limit of") == true
        }
    }

    /// Through the packager: the limits reach the report, and an oversized book leaves its earlier copy alone.
    @Test func volumeMakerAppliesTheLimits() throws {
        let scratch = try Scratch()
        let pages = scratch.path("coll/pages/73")
        try FileManager.default.createDirectory(atPath: pages, withIntermediateDirectories: true)
        let images = [TestImages.png, TestImages.gif, TestImages.jpeg].map { "<img src=\"\(TestImages.uri($0))\">" }
        try ("### Pictures\n\n<p>【明慧网二零二一年一月十八日】</p>\n<p>" + images.joined() + "</p>\n\n原文地址：https://example.org/p\n")
            .write(toFile: pages + "/1.md", atomically: false, encoding: .utf8)
        let options = BuildOptions(inputs: [scratch.path("coll")], outputDirectory: scratch.path("books"), catalog: false)
        let planned = SheafPipeline(options: options, environment: BuildEnvironment()).planForBuilding().plan
        let volume = try #require(planned.volumes.first)
        var maker = VolumeMaker(templates: try TemplateSet.builtIn(), environment: BuildEnvironment(), outputDirectory: scratch.path("books"))
        maker.limits = BookLimits(maxImages: 1)
        let limited = maker.make(volume)
        #expect(limited.entry.status == .written)
        #expect(limited.notes.contains { $0.message.contains("limit of 1 images: 2 more") })
        let before = try Data(contentsOf: URL(fileURLWithPath: limited.entry.file))

        maker.limits = BookLimits(maxBytes: 1000)
        let refused = maker.make(volume)
        #expect(refused.entry.status == .failed)
        #expect(refused.entry.error?.contains("above the limit of") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: refused.entry.file)) == before)
    }
}
