import Foundation
import Testing
@testable import SheafKit

@Suite struct GreyJPEGTests {
    /// The encoder's output decoded by libjpeg (through libvips), warnings treated as errors.
    private func decoded(_ picture: GreyPixels, quality: Int = 85) throws -> GreyPixels {
        try Raster.greyPixels(decodingStrictly: Data(GreyJPEG.encode(picture, quality: quality)))
    }

    private func differences(_ a: GreyPixels, _ b: GreyPixels) -> (largest: Int, mean: Double) {
        let errors = zip(a.bytes, b.bytes).map { abs(Int($0) - Int($1)) }
        return (errors.max() ?? 0, Double(errors.reduce(0, +)) / Double(max(1, errors.count)))
    }

    /// A cover-like picture: flat paper, a black band, and blocks of soft-edged ink.
    private func coverLike(width: Int, height: Int) -> GreyPixels {
        var picture = GreyPixels(width: width, height: height, level: 255)
        picture.fillRows(0, count: height / 5, level: 0)
        var ink = [UInt8](repeating: 0, count: 40 * 24)
        for y in 0..<24 { for x in 0..<40 { ink[y * 40 + x] = UInt8(min(255, max(0, 300 - abs(x - 20) * 14 - abs(y - 12) * 9))) } }
        let glyph = GreyPixels(width: 40, height: 24, bytes: ink)
        for row in 0..<3 { for column in 0..<4 { picture.stamp(glyph, x: 5 + column * 47, y: height / 2 + row * 29, ink: 0) } }
        picture.stamp(glyph, x: width / 3, y: 3, ink: 255)
        return picture
    }

    @Test func flatPicturesComeBackExactly() throws {
        for level: UInt8 in [0, 1, 127, 128, 254, 255] {
            let picture = GreyPixels(width: 64, height: 48, level: level)
            #expect(try decoded(picture) == picture, "level \(level)")
        }
    }

    /// Blocks a drawn picture knows to be flat are not read, and the bytes are those of the same pixels given
    /// as they are (every block read) — also for sizes that are not multiples of eight.
    @Test func knownFlatBlocksGiveTheSameBytesAsReadOnes() {
        for (width, height) in [(320, 480), (203, 117)] {
            let drawn = coverLike(width: width, height: height)
            let given = GreyPixels(width: width, height: height, bytes: drawn.bytes)
            #expect(drawn.plainLevel(ofRows: 0..<8) != nil)
            #expect(GreyJPEG.encode(drawn, quality: 65) == GreyJPEG.encode(given, quality: 65), "\(width)×\(height)")
        }
    }

    @Test func coverLikePictureDecodesCloseToItsPixels() throws {
        let picture = coverLike(width: 320, height: 480)
        let back = try decoded(picture)
        #expect(back.width == 320 && back.height == 480)
        let (largest, mean) = differences(picture, back)
        #expect(mean < 1.0, "mean error \(mean)")
        #expect(largest < 64, "largest error \(largest)")
        // Paper far from any ink stays paper.
        #expect(back.bytes[(479 * 320) + 319] == 255)
        #expect(back.bytes[0] == 0)
    }

    @Test func sizesThatAreNotMultiplesOfEightKeepTheirEdges() throws {
        let picture = coverLike(width: 203, height: 101)
        let back = try decoded(picture)
        #expect(back.width == 203 && back.height == 101)
        #expect(differences(picture, back).mean < 1.5)
    }

    @Test func noiseNeedsEveryCodeAndStuffedBytes() throws {
        // Pseudo-random pixels: long zero runs are rare, large coefficients and 0xFF bytes in the scan are not.
        var state: UInt32 = 12345
        let bytes = (0..<(96 * 80)).map { _ -> UInt8 in
            state = state &* 1_103_515_245 &+ 12345
            return UInt8(truncatingIfNeeded: state >> 16)
        }
        let picture = GreyPixels(width: 96, height: 80, bytes: bytes)
        let encoded = GreyJPEG.encode(picture, quality: 95)
        #expect(zip(encoded, encoded.dropFirst()).contains { $0 == 0xFF && $1 == 0 }, "a stuffed 0xFF")
        let back = try decoded(picture, quality: 95)
        #expect(back.width == 96 && back.height == 80)
        #expect(differences(picture, back).mean < 12)
    }

    @Test func lowerQualityIsSmaller() {
        let picture = coverLike(width: 160, height: 240)
        #expect(GreyJPEG.encode(picture, quality: 50).count < GreyJPEG.encode(picture, quality: 95).count)
    }

    @Test func quantizationFollowsLibjpegScaling() {
        #expect(GreyJPEG.quantization(quality: 50) == GreyJPEG.luminance)
        #expect(GreyJPEG.quantization(quality: 100).allSatisfy { $0 == 1 })
        #expect(GreyJPEG.quantization(quality: 85)[0] == 5)   // (16 × 30 + 50) / 100
        #expect(GreyJPEG.quantization(quality: 1).allSatisfy { $0 <= 255 })
    }

    @Test func huffmanCodesAreAPrefixCodeOfAtMostSixteenBits() {
        // Frequencies so skewed that an unlimited Huffman code would be longer than 16 bits.
        var frequencies = [Int](repeating: 0, count: 256)
        for symbol in 0..<40 { frequencies[symbol] = 1 << min(symbol, 30) }
        let table = HuffmanTable(frequencies: frequencies)
        let used = (0..<40).map { (code: table.codes[$0], length: table.lengths[$0]) }
        #expect(used.allSatisfy { $0.length >= 1 && $0.length <= 16 })
        #expect(table.counts.reduce(0, +) == 40 && table.symbols.count == 40)
        // Kraft: the codes leave room (the all-ones code is never used).
        let kraft = used.reduce(0.0) { $0 + pow(2.0, -Double($1.length)) }
        #expect(kraft < 1.0)
        for a in used.indices { for b in used.indices where a != b && used[a].length <= used[b].length {
            #expect(used[b].code >> UInt32(used[b].length - used[a].length) != used[a].code, "\(a) is a prefix of \(b)")
        } }
        #expect(table.lengths[39] < table.lengths[0], "the most frequent symbol has the shortest code")
    }
}
