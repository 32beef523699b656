/// An 8-bit greyscale picture in memory, row by row: what covers are drawn on.
///
/// Drawing here rather than with libvips' operations keeps a cover to two passes over its pixels (fill and encode):
/// libvips computes every `linear` and `insert` over the whole 1600×2400 page in floating point.
struct GreyPixels: Equatable, Sendable {
    let width: Int
    let height: Int
    private(set) var bytes: [UInt8]

    /// A picture of one grey level (0 black … 255 white).
    init(width: Int, height: Int, level: UInt8) {
        self.init(width: width, height: height, bytes: [UInt8](repeating: level, count: max(0, width * height)))
    }

    /// Pixels as given; `bytes` holds exactly width × height of them.
    init(width: Int, height: Int, bytes: [UInt8]) {
        precondition(bytes.count == width * height, "a grey picture needs width × height bytes")
        (self.width, self.height, self.bytes) = (width, height, bytes)
    }

    /// The rows `top ..< top + count` set to one level, clipped to the picture.
    mutating func fillRows(_ top: Int, count: Int, level: UInt8) {
        let rows = max(0, top)..<min(height, top + count)
        guard !rows.isEmpty else { return }
        bytes.withUnsafeMutableBufferPointer { pixels in
            pixels[(rows.lowerBound * width)..<(rows.upperBound * width)].update(repeating: level)
        }
    }

    /// `mask` (0 nothing … 255 full coverage) laid over this picture at (x, y) in the grey `ink`, clipped to the
    /// picture: a pixel moves towards the ink in proportion to its coverage, so anti-aliased edges stay smooth.
    mutating func stamp(_ mask: GreyPixels, x: Int, y: Int, ink: UInt8) {
        let firstColumn = max(0, -x), endColumn = min(mask.width, width - x)
        let firstRow = max(0, -y), endRow = min(mask.height, height - y)
        guard firstColumn < endColumn, firstRow < endRow else { return }
        let columns = firstColumn..<endColumn, rows = firstRow..<endRow
        let target = Int(ink), pictureWidth = width
        bytes.withUnsafeMutableBufferPointer { pixels in
            mask.bytes.withUnsafeBufferPointer { coverage in
                for row in rows {
                    let from = row * mask.width, to = (row + y) * pictureWidth + x
                    for column in columns {
                        let alpha = Int(coverage[from + column])
                        guard alpha != 0 else { continue }
                        let old = Int(pixels[to + column]), change = (target - old) * alpha
                        // Rounded half away from zero both ways, so full coverage lands exactly on the ink.
                        let step = change >= 0 ? (change + 127) / 255 : -((127 - change) / 255)
                        pixels[to + column] = UInt8(truncatingIfNeeded: old + step)
                    }
                }
            }
        }
    }
}
