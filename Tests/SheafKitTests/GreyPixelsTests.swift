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

    @Test func stampHandlesFullPartialAndBareCoverageAlike() {
        // Runs of bare paper (skipped eight at a time), full ink and partial coverage in one row, clipped on the right.
        let coverage: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 1, 254, 128, 0, 0, 0, 0, 0, 0, 0, 0, 255]
        var picture = GreyPixels(width: 21, height: 1, level: 200)
        picture.stamp(GreyPixels(width: coverage.count, height: 1, bytes: coverage), x: 0, y: 0, ink: 10)
        let expected = coverage.prefix(21).map { alpha -> UInt8 in
            let change = (10 - 200) * Int(alpha)
            return UInt8(200 - (127 - change) / 255)
        }
        #expect(picture.bytes == expected)
    }

    @Test func knowsWhichRowsAreOneLevelAndWhereStampsWent() {
        var picture = GreyPixels(width: 40, height: 6, level: 255)
        picture.fillRows(0, count: 2, level: 0)
        picture.stamp(GreyPixels(width: 4, height: 2, level: 255), x: 10, y: 3, ink: 0)
        #expect(picture.plainLevel(ofRows: 0..<2)! == (level: 0, ink: 0..<0))
        #expect(picture.plainLevel(ofRows: 1..<3) == nil)
        #expect(picture.plainLevel(ofRows: 2..<6)! == (level: 255, ink: 10..<14))
        #expect(GreyPixels(width: 2, height: 2, bytes: [1, 1, 1, 1]).plainLevel(ofRows: 0..<2) == nil)
        // What is remembered does not make two pictures of the same pixels differ.
        #expect(GreyPixels(width: 2, height: 1, level: 7) == GreyPixels(width: 2, height: 1, bytes: [7, 7]))
    }

    @Test func remembersOnlyTheColumnsCoverageReached() {
        let bare = [UInt8](repeating: 0, count: 20)
        let middle: [UInt8] = [0, 0, 0, 0, 0, 9] + [UInt8](repeating: 0, count: 8) + [255, 0, 0, 0, 0, 0]
        var picture = GreyPixels(width: 40, height: 3, level: 255)
        picture.stamp(GreyPixels(width: 20, height: 3, bytes: bare + middle + bare), x: 5, y: 0, ink: 0)
        #expect(picture.plainLevel(ofRows: 0..<1)! == (level: 255, ink: 0..<0))
        #expect(picture.plainLevel(ofRows: 1..<2)! == (level: 255, ink: 10..<20))
        #expect(picture.plainLevel(ofRows: 0..<3)! == (level: 255, ink: 10..<20))
    }

    @Test func rasterRoundTripKeepsThePixels() throws {
        let picture = GreyPixels(width: 4, height: 2, bytes: [0, 10, 20, 30, 40, 50, 60, 255])
        #expect(try Raster(picture).greyPixels() == picture)
    }
}
