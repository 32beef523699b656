import Testing
@testable import SheafKit

@Suite struct ImageSnifferTests {
    @Test func coreRasterTypesAndTheirSizes() {
        let png = ImageSniffer.sniff(TestImages.bytes(TestImages.png))
        #expect(png == ImageSniffer.Kind(mediaType: "image/png", fileExtension: "png", width: 3, height: 2))
        #expect(ImageSniffer.sniff(TestImages.bytes(TestImages.gif))?.width == 2)
        let jpeg = ImageSniffer.sniff(TestImages.bytes(TestImages.jpeg))
        #expect(jpeg == ImageSniffer.Kind(mediaType: "image/jpeg", fileExtension: "jpg", width: 2, height: 2))
    }

    @Test func webpHeaders() {
        // RIFF, size, WEBP, VP8X chunk: flags, then width-1 = 9 and height-1 = 4 in 24-bit little endian.
        let extended = Array("RIFF".utf8) + [30, 0, 0, 0] + Array("WEBPVP8X".utf8) + [10, 0, 0, 0, 0, 0, 0, 0]
            + [9, 0, 0, 4, 0, 0] + [0, 0]
        #expect(ImageSniffer.sniff(extended) == ImageSniffer.Kind(mediaType: "image/webp", fileExtension: "webp",
                                                                  width: 10, height: 5))
    }

    @Test func svgIsRecognizedAfterItsProlog() {
        let svg = Array("\u{FEFF}<?xml version='1.0'?><!-- c --><!DOCTYPE svg><svg xmlns='http://www.w3.org/2000/svg'/>".utf8)
        #expect(ImageSniffer.sniff(svg)?.mediaType == "image/svg+xml")
        #expect(ImageSniffer.sniff(Array("<p>no</p><svg/>".utf8)) == nil)
    }

    @Test func truncatedOrUnknownBytesAreNotImages() {
        #expect(ImageSniffer.sniff(Array(TestImages.bytes(TestImages.png).prefix(20))) == nil)
        #expect(ImageSniffer.sniff([0xFF, 0xD8, 0xFF, 0xE0, 0x00]) == nil)
        #expect(ImageSniffer.sniff(Array("GIF8".utf8)) == nil)
        #expect(ImageSniffer.sniff(Array("hello world".utf8)) == nil)
    }
}
