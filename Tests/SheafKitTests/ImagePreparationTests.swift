import Foundation
import Testing
@testable import SheafKit

@Suite struct ImagePreparationTests {
    private func prepare(_ bytes: [UInt8], _ preparation: ImagePreparation = ImagePreparation()) throws
        -> (data: Data, kind: ImageSniffer.Kind) {
        try preparation.prepared(bytes, kind: #require(ImageSniffer.sniff(bytes)))
    }

    @Test func smallReaderImagesAreKeptByteForByte() throws {
        for image in [TestImages.png, TestImages.gif, TestImages.jpeg] {
            let bytes = TestImages.bytes(image)
            #expect(try prepare(bytes).data == Data(bytes))
        }
    }

    @Test(arguments: [TestImages.webp, TestImages.bmp, TestImages.tiff])
    func formatsReadersCannotShowBecomeJPEG(_ image: String) throws {
        let (data, kind) = try prepare(TestImages.bytes(image))
        #expect(kind.mediaType == "image/jpeg" && kind.width == 3 && kind.height == 2)
        #expect(ImageSniffer.sniff([UInt8](data)) == kind)
    }

    @Test func largePicturesShrinkToTheLongSide() throws {
        let photo = try [UInt8](Raster(width: 4000, height: 3000, level: 90).jpeg(quality: 95))
        let (_, kind) = try prepare(photo)
        #expect(kind.mediaType == "image/jpeg" && kind.width == 1600 && kind.height == 1200)
        let drawing = try [UInt8](Raster(width: 1000, height: 2500, level: 30).png())
        let (_, drawn) = try prepare(drawing)
        #expect(drawn.mediaType == "image/png" && drawn.width == 640 && drawn.height == 1600)
    }

    @Test func heavyJPEGsAreRecompressedOnlyWhenSmaller() throws {
        let photo = try [UInt8](Raster(width: 1200, height: 800, level: 200).jpeg(quality: 100))
        let strict = ImagePreparation(recompressAbove: 0)
        let (data, kind) = try prepare(photo, strict)
        #expect(data.count < photo.count && kind.width == 1200)
        let light = try [UInt8](Raster(width: 8, height: 8, level: 200).jpeg(quality: 10))
        #expect(try prepare(light, strict).data == Data(light))
    }

    @Test func corruptImageIsAnError() throws {
        // A real JPEG header whose data is cut off: the sniffer accepts it, the decoder cannot.
        let photo = try [UInt8](Raster(width: 3000, height: 2000, level: 90).jpeg(quality: 90))
        #expect(throws: SheafError.self) { try prepare(Array(photo.prefix(400))) }
    }
}
