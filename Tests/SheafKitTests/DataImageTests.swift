import Testing
@testable import SheafKit

@Suite struct DataImageTests {
    @Test func theTypeComesFromTheBytesNotTheDeclaration() {
        guard case .picture(let image) = DataImage.decode(TestImages.uri(TestImages.gif, declaring: "image/png")) else {
            Issue.record("the GIF was not kept")
            return
        }
        #expect(image.mediaType == "image/gif")
        #expect(image.name.hasSuffix(".gif") && image.name.count == 32 + 4)
        #expect(image.chapterSource == "../images/" + image.name)
        #expect([UInt8](image.data) == TestImages.bytes(TestImages.gif))
    }

    /// A picture's name is the first half of its bytes' SHA-256, as earlier books named it.
    @Test func theNameIsTheSourceBytesDigest() {
        guard case .picture(let image) = DataImage.decode(TestImages.uri(TestImages.gif)) else {
            Issue.record("the GIF was not kept")
            return
        }
        #expect(image.name == "31c393c4e64f0973ae19740a1d308f77.gif")
    }

    @Test func sameBytesSameName() {
        let a = DataImage.decode(TestImages.uri(TestImages.jpeg, declaring: "image/jpeg"))
        let b = DataImage.decode("data:application/octet-stream;base64," + TestImages.jpeg.replacingOccurrences(of: "A", with: "A\n"))
        #expect(a == b)
    }

    @Test func corruptUnknownSVGAndPixels() {
        #expect(DataImage.decode("data:image/png;base64,!!!") == .unusable(reason: "cannot be decoded"))
        #expect(DataImage.decode("data:image/png;base64,SGVsbG8=") == .unusable(reason: "is not a known image type"))
        #expect(DataImage.decode("data:image/svg+xml,%3Csvg%2F%3E") == .unusable(reason: "is SVG, which is not embedded"))
        #expect(DataImage.decode(TestImages.uri(TestImages.pixel)) == .pixel)
    }

    @Test func webPIsStoredAsJPEG() {
        guard case .picture(let image) = DataImage.decode(TestImages.uri(TestImages.webp, declaring: "image/webp")) else {
            Issue.record("the WebP was not kept")
            return
        }
        #expect(image.mediaType == "image/jpeg" && image.name.hasSuffix(".jpg"))
        #expect(ImageSniffer.sniff([UInt8](image.data))?.mediaType == "image/jpeg")
    }

    @Test func undecodableImageIsAPlaceholder() throws {
        let photo = try Raster(width: 3000, height: 2000, level: 90).jpeg(quality: 90)
        let uri = "data:image/jpeg;base64," + photo.prefix(400).base64EncodedString()
        #expect(DataImage.decode(uri) == .unusable(reason: "cannot be decoded as an image"))
    }
}
