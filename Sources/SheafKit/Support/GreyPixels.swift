/// An 8-bit greyscale picture in memory, row by row: what covers are drawn on.
///
/// Drawing here rather than with libvips' operations keeps a cover to two passes over its pixels (fill and encode):
/// libvips computes every `linear` and `insert` over the whole 1600×2400 page in floating point. The picture also
/// remembers which rows are one level and where stamps touched them, so an encoder can tell most of a cover's
/// blocks flat without reading them (`plainLevel(ofRows:)`).
struct GreyPixels: Equatable, Sendable {
    let width: Int
    let height: Int
    private(set) var bytes: [UInt8]
    /// For each row, the level it holds outside `inkColumns`, or -1 when not known (pixels given as bytes).
    private var rowLevels: [Int16]
    /// For each row, the columns a stamp may have changed (empty when none).
    private var inkColumns: [Range<Int>]

    /// A picture of one grey level (0 black … 255 white).
    init(width: Int, height: Int, level: UInt8) {
        self.init(width: width, height: height, bytes: [UInt8](repeating: level, count: max(0, width * height)),
                  rowLevel: Int16(level))
    }

    /// Pixels as given; `bytes` holds exactly width × height of them.
    init(width: Int, height: Int, bytes: [UInt8]) {
        self.init(width: width, height: height, bytes: bytes, rowLevel: -1)
    }

    private init(width: Int, height: Int, bytes: [UInt8], rowLevel: Int16) {
        precondition(bytes.count == width * height, "a grey picture needs width × height bytes")
        (self.width, self.height, self.bytes) = (width, height, bytes)
        rowLevels = [Int16](repeating: rowLevel, count: max(0, height))
        inkColumns = [Range<Int>](repeating: 0..<0, count: max(0, height))
    }

    /// Two pictures are equal when their pixels are: what is remembered about them is a shortcut only.
    static func == (left: GreyPixels, right: GreyPixels) -> Bool {
        left.width == right.width && left.height == right.height && left.bytes == right.bytes
    }

    /// The level every pixel of `rows` holds outside the columns `ink`, known without reading them; nil when the
    /// rows are not all one level (or their pixels were given as bytes).
    func plainLevel(ofRows rows: Range<Int>) -> (level: UInt8, ink: Range<Int>)? {
        guard let first = rows.first, rows.upperBound <= height, rowLevels[first] >= 0 else { return nil }
        var low = Int.max, high = Int.min
        for row in rows {
            guard rowLevels[row] == rowLevels[first] else { return nil }
            let ink = inkColumns[row]
            if !ink.isEmpty { (low, high) = (min(low, ink.lowerBound), max(high, ink.upperBound)) }
        }
        return (UInt8(rowLevels[first]), low < high ? low..<high : 0..<0)
    }

    /// The rows `top ..< top + count` set to one level, clipped to the picture.
    mutating func fillRows(_ top: Int, count: Int, level: UInt8) {
        let rows = max(0, top)..<min(height, top + count)
        guard !rows.isEmpty else { return }
        bytes.withUnsafeMutableBufferPointer { pixels in
            pixels[(rows.lowerBound * width)..<(rows.upperBound * width)].update(repeating: level)
        }
        for row in rows { (rowLevels[row], inkColumns[row]) = (Int16(level), 0..<0) }
    }

    /// `mask` (0 nothing … 255 full coverage) laid over this picture at (x, y) in the grey `ink`, clipped to the
    /// picture: a pixel moves towards the ink in proportion to its coverage, so anti-aliased edges stay smooth.
    mutating func stamp(_ mask: GreyPixels, x: Int, y: Int, ink: UInt8) {
        let firstColumn = max(0, -x), endColumn = min(mask.width, width - x)
        let firstRow = max(0, -y), endRow = min(mask.height, height - y)
        guard firstColumn < endColumn, firstRow < endRow else { return }
        let pictureWidth = width, maskWidth = mask.width
        // The columns each row's coverage reached: the rest of the row keeps its level.
        var reached = [Range<Int>](repeating: 0..<0, count: endRow - firstRow)
        bytes.withUnsafeMutableBufferPointer { pixels in
            mask.bytes.withUnsafeBufferPointer { coverage in
                guard let picture = pixels.baseAddress, let alphas = coverage.baseAddress else { return }
                for row in firstRow..<endRow {
                    reached[row - firstRow] = Self.stampRow(alphas + row * maskWidth, firstColumn..<endColumn,
                                                            onto: picture + (row + y) * pictureWidth + x, ink: ink)
                }
            }
        }
        for (offset, columns) in reached.enumerated() where !columns.isEmpty {
            let row = firstRow + y + offset, touched = (x + columns.lowerBound)..<(x + columns.upperBound)
            let ink = inkColumns[row]
            inkColumns[row] = ink.isEmpty ? touched
                : min(ink.lowerBound, touched.lowerBound)..<max(ink.upperBound, touched.upperBound)
        }
    }

    /// One row of a mask laid over one row of the picture; returns the columns with any coverage (empty if none).
    private static func stampRow(_ from: UnsafePointer<UInt8>, _ columns: Range<Int>, onto to: UnsafeMutablePointer<UInt8>,
                                 ink: UInt8) -> Range<Int> {
        let target = Int(ink), endColumn = columns.upperBound
        var low = Int.max, high = Int.min
        var column = columns.lowerBound
        while column < endColumn {
            // Most of a text's mask is bare paper, and most of the rest full ink.
            if column + 8 <= endColumn, UnsafeRawPointer(from + column).loadUnaligned(as: UInt64.self) == 0 {
                column += 8
                continue
            }
            let alpha = Int(from[column])
            if alpha != 0 {
                (low, high) = (min(low, column), column)
                if alpha == 255 {
                    to[column] = ink
                } else {
                    let old = Int(to[column]), change = (target - old) * alpha
                    // Rounded half away from zero both ways, so full coverage lands exactly on the ink.
                    let step = change >= 0 ? (change + 127) / 255 : -((127 - change) / 255)
                    to[column] = UInt8(truncatingIfNeeded: old + step)
                }
            }
            column += 1
        }
        return low <= high ? low..<(high + 1) : 0..<0
    }
}
