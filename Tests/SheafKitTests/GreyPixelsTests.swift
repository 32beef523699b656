import Testing
@testable import SheafKit

@Suite struct GreyPixelsTests {
    @Test func fillsWholeRowsClippedToThePicture() {
        var picture = GreyPixels(width: 3, height: 4, level: 255)
        picture.fillRows(-1, count: 2, level: 0)
        picture.fillRows(3, count: 5, level: 9)
        #expect(picture.bytes == [0, 0, 0, 255, 255, 255, 255, 255, 255, 9, 9, 9])
    }

    @Test func stampMovesPixelsTowardsTheInkByCoverage() {
        var picture = GreyPixels(width: 3, height: 1, level: 255)
        let mask = GreyPixels(width: 3, height: 1, bytes: [0, 255, 128])
        picture.stamp(mask, x: 0, y: 0, ink: 0)
        #expect(picture.bytes == [255, 0, 127])
        var band = GreyPixels(width: 2, height: 1, level: 0)
        band.stamp(GreyPixels(width: 2, height: 1, bytes: [255, 51]), x: 0, y: 0, ink: 255)
        #expect(band.bytes == [255, 51])
    }

    @Test func stampIsClippedAtEveryEdge() {
        var picture = GreyPixels(width: 2, height: 2, level: 200)
        let mask = GreyPixels(width: 3, height: 3, level: 255)
        picture.stamp(mask, x: -2, y: 1, ink: 10)
        #expect(picture.bytes == [200, 200, 10, 200])
        picture.stamp(mask, x: 5, y: 5, ink: 10)
        #expect(picture.bytes == [200, 200, 10, 200])
    }

    @Test func rasterRoundTripKeepsThePixels() throws {
        let picture = GreyPixels(width: 4, height: 2, bytes: [0, 10, 20, 30, 40, 50, 60, 255])
        #expect(try Raster(picture).greyPixels() == picture)
    }
}
