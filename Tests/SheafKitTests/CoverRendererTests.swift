import Foundation
import Testing
@testable import SheafKit

@Suite struct CoverRendererTests {
    @Test func generatedCoverIsAFullSizeJPEG() throws {
        let jpeg = try CoverRenderer.render(title: "明慧 · 天人之间", dates: "2020-06-20 – 2021-02-07", collection: "mh-news")
        let kind = try #require(ImageSniffer.sniff([UInt8](jpeg)))
        #expect(kind.mediaType == "image/jpeg")
        #expect(kind.width == CoverRenderer.width && kind.height == CoverRenderer.height)
    }

    @Test func sameTitleSameBytes() throws {
        let first = try CoverRenderer.render(title: "A Weekly Digest", dates: "2020-11-03", collection: "goodnews")
        let second = try CoverRenderer.render(title: "A Weekly Digest", dates: "2020-11-03", collection: "goodnews")
        let other = try CoverRenderer.render(title: "A Monthly Digest", dates: "2020-11-03", collection: "goodnews")
        #expect(first == second)
        #expect(first != other)
    }

    @Test func markupCharactersInTitlesAreText() throws {
        // Unescaped, `<` and `&` would be Pango markup errors.
        let jpeg = try CoverRenderer.render(title: "Tom & Jerry <b>", dates: nil, collection: "a&b")
        #expect(ImageSniffer.sniff([UInt8](jpeg))?.mediaType == "image/jpeg")
    }

    @Test func longTitleStillFits() throws {
        let title = String(repeating: "很长的标题", count: 40)
        let jpeg = try CoverRenderer.render(title: title, dates: nil, collection: "mh-news")
        #expect(ImageSniffer.sniff([UInt8](jpeg))?.height == CoverRenderer.height)
    }

    @Test func userImageBecomesABoundedJPEG() throws {
        let jpeg = try CoverRenderer.normalized(Data(TestImages.bytes(TestImages.png)))
        let kind = try #require(ImageSniffer.sniff([UInt8](jpeg)))
        #expect(kind.mediaType == "image/jpeg")
        #expect(kind.width == 3 && kind.height == 2)   // never enlarged
        let big = try CoverRenderer.normalized(CoverRenderer.render(title: "x", dates: nil, collection: "y"))
        #expect(ImageSniffer.sniff([UInt8](big))?.width == CoverRenderer.width)
    }

    @Test func unreadableImageIsAnError() {
        #expect(throws: SheafError.self) { try CoverRenderer.normalized(Data("not an image".utf8)) }
    }
}
