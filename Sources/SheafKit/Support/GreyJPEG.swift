import Foundation

/// A baseline greyscale JPEG encoder for pictures that are mostly flat: generated covers.
///
/// A cover is 60,000 blocks of 8×8 pixels of which about 96% are one grey level (paper or the black band). A
/// general encoder (libjpeg through libvips) transforms, quantizes and codes every one of them; here a flat
/// block's one coefficient is known without a transform (8 × (level − 128)), so only the blocks that hold an edge
/// of a letter go through the DCT. Huffman tables are fitted to the picture (JPEG Annex K.2), as libjpeg's
/// `optimize_coding` does.
///
/// Everything is integer arithmetic: the same pixels give the same bytes on every machine.
enum GreyJPEG {
    /// The JPEG of `pixels` at `quality` (1…100, IJG's scale).
    static func encode(_ pixels: GreyPixels, quality: Int) -> [UInt8] {
        let table = quantization(quality: quality)
        let scan = Scan(pixels, table: table)
        let dc = HuffmanTable(frequencies: scan.dcFrequencies)
        let ac = HuffmanTable(frequencies: scan.acFrequencies)
        var header = JPEGHeader()
        header.write(width: pixels.width, height: pixels.height, table: table, dc: dc, ac: ac)
        return scan.encoded(after: header.bytes, dc: dc, ac: ac)
    }

    // MARK: - Quantization

    /// Annex K.1's luminance table, in natural (row by row) order.
    static let luminance: [Int32] = [
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
        14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
    ]

    /// The natural index of each zigzag position.
    static let zigzag: [Int] = [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55,
        62, 63,
    ]

    /// The luminance table scaled as libjpeg scales it for `quality`, each step 1…255 (baseline), natural order.
    static func quantization(quality: Int) -> [Int32] {
        let quality = Int32(min(100, max(1, quality)))
        let scale = quality < 50 ? 5000 / quality : 200 - 2 * quality
        return luminance.map { min(255, max(1, ($0 * scale + 50) / 100)) }
    }

    // MARK: - The transform

    /// Column x of the DCT basis: for each frequency u, cos((2x + 1)uπ/16) × C(u)/2.
    static let basisColumns: [SIMD8<Float>] = (0..<8).map { x in
        SIMD8((0..<8).map { u -> Float in
            let scale: Double = (u == 0 ? 1 / 2.0.squareRoot() : 1) / 2
            let angle = Double((2 * x + 1) * u) * Double.pi / 16
            return Float(scale * cos(angle))
        })
    }

    /// The DCT coefficients, in natural order (row v holds vertical frequency v), of one block whose
    /// level-shifted samples are `rows`. Separate multiplies and adds in a fixed order, each rounded by IEEE 754:
    /// the same on every machine.
    @inline(__always)
    static func transform(_ rows: UnsafePointer<SIMD8<Float>>, basis: UnsafePointer<SIMD8<Float>>,
                          into out: UnsafeMutablePointer<SIMD8<Float>>) {
        // Each row's 8 frequencies as a sum of basis columns weighted by the samples (no horizontal sums); then
        // each output row as a weighted sum of those rows.
        let horizontal = out + 8
        for y in 0..<8 {
            let samples = rows[y]
            var line = basis[0] * samples[0]
            for x in 1..<8 { line += basis[x] * samples[x] }
            horizontal[y] = line
        }
        for v in 0..<8 {
            var column = horizontal[0] * basis[0][v]
            for y in 1..<8 { column += horizontal[y] * basis[y][v] }
            out[v] = column
        }
    }
}

// MARK: - The scan

/// The picture's blocks as Huffman symbols, and how often each symbol occurs.
///
/// `stream` holds, in block order, either a run of flat blocks — `flatRun`, the first one's DC difference (the
/// others' is 0), how many — or one block — `block`, its DC difference, its AC symbols' count, then each
/// AC symbol (zero run × 16 + category, ZRL 0xF0, EOB 0x00) as `symbol << 16 | extra bits`.
private struct Scan {
    static let flatRun: UInt32 = 1, block: UInt32 = 2
    static let roundingBias = SIMD8<Float>(repeating: 12_582_912), roundingBits = SIMD8<Int32>(repeating: 0x4B40_0000)
    static let byteShifts = SIMD8<UInt64>(0, 8, 16, 24, 32, 40, 48, 56)
    static let sampleBias = SIMD8<Float>(repeating: 8_388_608 + 128)
    var stream: [UInt32] = []
    var dcFrequencies = [Int](repeating: 0, count: 256)
    var acFrequencies = [Int](repeating: 0, count: 256)

    init(_ pixels: GreyPixels, table: [Int32]) {
        let columns = (pixels.width + 7) / 8, rows = (pixels.height + 7) / 8
        let width = pixels.width, height = pixels.height
        var stream = [UInt32]()
        stream.reserveCapacity(32 * 1024)
        // A flat block's one coefficient for each grey level.
        let flatDC = (0..<256).map { level -> Int32 in
            let value = 8 * (Int32(level) - 128), step = table[0]
            return value >= 0 ? (value + step / 2) / step : -((step / 2 - value) / step)
        }
        // 1 / step, row by row: a coefficient is quantized by one multiply.
        let reciprocals = (0..<8).map { v in SIMD8<Float>((0..<8).map { 1 / Float(table[v * 8 + $0]) }) }
        let samples = UnsafeMutablePointer<SIMD8<Float>>.allocate(capacity: 8)
        // The coefficients, then the transform's intermediate rows.
        let coefficients = UnsafeMutablePointer<SIMD8<Float>>.allocate(capacity: 16)
        let quantized = UnsafeMutablePointer<SIMD8<Int32>>.allocate(capacity: 8)
        let ordered = UnsafeMutablePointer<Int32>.allocate(capacity: 64)
        defer {
            samples.deallocate()
            coefficients.deallocate()
            quantized.deallocate()
            ordered.deallocate()
        }
        var counts = Counts(stream: stream)
        GreyJPEG.basisColumns.withUnsafeBufferPointer { basis in
        GreyJPEG.zigzag.withUnsafeBufferPointer { zigzag in
        reciprocals.withUnsafeBufferPointer { reciprocals in
        pixels.bytes.withUnsafeBufferPointer { bytes in
            let start = UnsafeRawPointer(bytes.baseAddress!)
            let levels = UnsafeRawPointer(quantized).assumingMemoryBound(to: Int32.self)
            for blockRow in 0..<rows {
                let top = blockRow * 8
                // Blocks that the picture knows to be one level, outside where its stamps went, are not read.
                let known = pixels.plainLevel(ofRows: top..<min(height, top + 8))
                for blockColumn in 0..<columns {
                    let left = blockColumn * 8
                    if let known, top + 8 <= height, left + 8 <= width,
                       left + 8 <= known.ink.lowerBound || left >= known.ink.upperBound {
                        counts.flat(level: Int(known.level), dc: flatDC[Int(known.level)])
                        continue
                    }
                    let first = bytes[top * width + left]
                    if left + 8 <= width, top + 8 <= height {
                        // A whole block: eight rows compared as eight 8-byte words.
                        let corner = start + top * width + left
                        let pattern = UInt64(first) &* 0x0101_0101_0101_0101
                        var flat = true
                        for y in 0..<8 where corner.loadUnaligned(fromByteOffset: y * width, as: UInt64.self) != pattern {
                            flat = false
                            break
                        }
                        if flat {
                            counts.flat(level: Int(first), dc: flatDC[Int(first)])
                            continue
                        }
                        for y in 0..<8 {
                            let word = corner.loadUnaligned(fromByteOffset: y * width, as: UInt64.self)
                            // Each byte put into the mantissa of 2²³, then 2²³ + 128 taken away: exact.
                            let lanes = SIMD8<UInt64>(repeating: word) &>> Self.byteShifts & 0xFF
                            let bits = SIMD8<UInt32>(truncatingIfNeeded: lanes) | 0x4B00_0000
                            samples[y] = unsafeBitCast(bits, to: SIMD8<Float>.self) - Self.sampleBias
                        }
                    } else {
                        // Edge blocks repeat the last column and row, as encoders do.
                        for y in 0..<8 {
                            let line = min(top + y, height - 1) * width
                            var row = SIMD8<Float>.zero
                            for x in 0..<8 { row[x] = Float(bytes[line + min(left + x, width - 1)]) }
                            samples[y] = row - 128
                        }
                    }
                    counts.endRun()
                    GreyJPEG.transform(samples, basis: basis.baseAddress!, into: coefficients)
                    // Quantized row by row, rounded half away from zero, then read in zigzag order.
                    for v in 0..<8 {
                        // Rounded to the nearest integer by adding 1.5 × 2²³ (IEEE 754 rounds the sum to a whole
                        // number, ties to even), which then sits in the low bits of the sum's representation.
                        let shifted = coefficients[v] * reciprocals[v] + Self.roundingBias
                        quantized[v] = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- Self.roundingBits
                    }
                    var nonzero: UInt64 = 0
                    for k in 0..<64 {
                        let value = levels[zigzag[k]]
                        ordered[k] = value
                        nonzero |= (value != 0 ? 1 : 0) << UInt64(k)
                    }
                    counts.block(ordered, nonzero: nonzero)
                }
            }
            counts.endRun()
        }
        }
        }
        }
        (self.stream, self.dcFrequencies, self.acFrequencies) = (counts.stream, counts.dc, counts.ac)
    }

    /// The stream and the symbol counts as they are built, block by block.
    private struct Counts {
        var stream: [UInt32]
        var dc = [Int](repeating: 0, count: 256)
        var ac = [Int](repeating: 0, count: 256)
        /// The previous block's DC coefficient.
        var previous: Int32 = 0
        /// The run of flat blocks being counted: its level, length and first DC difference.
        var runLevel = -1, runLength = 0, runDifference: Int32 = 0

        /// One more flat block of this grey `level`, whose coefficient is `dc`.
        @inline(__always)
        mutating func flat(level: Int, dc value: Int32) {
            if runLength == 0 || runLevel != level {
                endRun()
                (runLevel, runDifference, previous) = (level, value &- previous, value)
            }
            runLength += 1
        }

        mutating func endRun() {
            guard runLength > 0 else { return }
            stream.append(Scan.flatRun)
            stream.append(UInt32(bitPattern: runDifference))
            stream.append(UInt32(runLength))
            dc[JPEGBits.category(runDifference)] += 1
            dc[0] += runLength - 1
            ac[0] += runLength
            runLength = 0
        }

        /// A block whose quantized coefficients are `ordered` (zigzag order); bit k of `nonzero` is set when
        /// coefficient k is not 0.
        @inline(__always)
        mutating func block(_ ordered: UnsafePointer<Int32>, nonzero: UInt64) {
            let header = stream.count
            let value = ordered[0]
            stream.append(Scan.block)
            stream.append(UInt32(bitPattern: value &- previous))
            stream.append(0)
            dc[JPEGBits.category(value &- previous)] += 1
            previous = value
            var left = nonzero & ~1, last = 0
            while left != 0 {
                let k = left.trailingZeroBitCount
                left &= left &- 1
                var run = UInt32(k - last - 1)
                last = k
                while run > 15 {
                    stream.append(0xF0 << 16)
                    ac[0xF0] += 1
                    run -= 16
                }
                let value = ordered[k], category = JPEGBits.category(value)
                let symbol = run << 4 | UInt32(category)
                stream.append(symbol << 16 | JPEGBits.bits(of: value, category: category))
                ac[Int(symbol)] += 1
            }
            if last < 63 {
                stream.append(0)
                ac[0] += 1
            }
            stream[header + 2] = UInt32(stream.count - header - 3)
        }
    }

    /// `header`, then the entropy-coded blocks, then end of image.
    func encoded(after header: [UInt8], dc: HuffmanTable, ac: HuffmanTable) -> [UInt8] {
        // The exact number of bits is known now; stuffing can at most double the bytes.
        var bits = 0
        for symbol in 0..<256 {
            bits += dcFrequencies[symbol] * (dc.lengths[symbol] + symbol)
            bits += acFrequencies[symbol] * (ac.lengths[symbol] + symbol & 0x0F)
        }
        let capacity = header.count + 2 * ((bits + 7) / 8) + 2
        return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            var out = JPEGBits(buffer)
            out.append(header)
            // A flat block after one of its level: DC difference 0, then end of block; as many as fit in 32 bits.
            let flatCode = dc.codes[0] << ac.lengths[0] | ac.codes[0], flatLength = dc.lengths[0] + ac.lengths[0]
            let perChunk = max(1, 32 / flatLength)
            var chunk: UInt64 = 0
            for _ in 0..<perChunk { chunk = chunk << flatLength | UInt64(flatCode) }
            var next = 0
            while next < stream.count {
                let kind = stream[next], difference = Int32(bitPattern: stream[next + 1])
                let category = JPEGBits.category(difference)
                out.write(dc.codes[category] << category | JPEGBits.bits(of: difference, category: category),
                          count: dc.lengths[category] + category)
                if kind == Self.flatRun {
                    out.write(ac.codes[0], count: ac.lengths[0])
                    var left = Int(stream[next + 2]) - 1
                    while left >= perChunk {
                        out.write(UInt32(truncatingIfNeeded: chunk), count: perChunk * flatLength)
                        left -= perChunk
                    }
                    for _ in 0..<left { out.write(flatCode, count: flatLength) }
                    next += 3
                    continue
                }
                let end = next + 3 + Int(stream[next + 2])
                next += 3
                while next < end {
                    let entry = stream[next], symbol = Int(entry >> 16), extra = symbol & 0x0F
                    out.write(ac.codes[symbol] << extra | entry & 0xFFFF, count: ac.lengths[symbol] + extra)
                    next += 1
                }
            }
            out.finish()
            count = out.count
        }
    }
}

// MARK: - Huffman tables

/// A Huffman table fitted to symbol frequencies, limited to 16-bit codes (JPEG Annex K.2, as libjpeg builds it).
struct HuffmanTable {
    /// How many codes have each length 1…16 (index 0 unused).
    var counts = [Int](repeating: 0, count: 17)
    /// The symbols by increasing code length.
    var symbols: [UInt8] = []
    var codes = [UInt32](repeating: 0, count: 256)
    var lengths = [Int](repeating: 0, count: 256)

    init(frequencies given: [Int]) {
        // Slot 256 is reserved so that no code is all ones.
        var frequencies = given + [1]
        var sizes = [Int](repeating: 0, count: 257)
        var others = [Int](repeating: -1, count: 257)
        while true {
            // The two least frequent (the later of equals first), merged.
            var first = -1, second = -1
            for index in 0..<257 where frequencies[index] > 0 {
                if first < 0 || frequencies[index] <= frequencies[first] { first = index }
            }
            for index in 0..<257 where frequencies[index] > 0 && index != first {
                if second < 0 || frequencies[index] <= frequencies[second] { second = index }
            }
            guard second >= 0 else { break }
            frequencies[first] += frequencies[second]
            frequencies[second] = 0
            var node = first
            sizes[node] += 1
            while others[node] >= 0 { node = others[node]; sizes[node] += 1 }
            others[node] = second
            node = second
            sizes[node] += 1
            while others[node] >= 0 { node = others[node]; sizes[node] += 1 }
        }
        // A code can be up to 256 bits long before limiting (skewed counts).
        let deepest = sizes.max() ?? 0
        var bits = [Int](repeating: 0, count: max(17, deepest + 1))
        for size in sizes where size > 0 { bits[size] += 1 }
        // Codes longer than 16 bits moved up the tree.
        for length in stride(from: deepest, to: 16, by: -1) {
            while bits[length] > 0 {
                var shorter = length - 2
                while bits[shorter] == 0 { shorter -= 1 }
                bits[length] -= 2
                bits[length - 1] += 1
                bits[shorter + 1] += 2
                bits[shorter] -= 1
            }
        }
        var longest = 16
        while bits[longest] == 0 { longest -= 1 }
        bits[longest] -= 1  // the reserved code
        counts = Array(bits[0...16])
        for length in 1...max(1, deepest) {
            for symbol in 0..<256 where sizes[symbol] == length { symbols.append(UInt8(symbol)) }
        }
        // Annex C: canonical codes, shortest first.
        var code: UInt32 = 0, next = 0
        for length in 1...16 {
            for _ in 0..<counts[length] {
                let symbol = Int(symbols[next])
                (codes[symbol], lengths[symbol]) = (code, length)
                code += 1
                next += 1
            }
            code <<= 1
        }
    }
}

// MARK: - Output

/// Entropy-coded bits into a buffer large enough for them: a byte 0xFF is followed by a stuffed 0.
struct JPEGBits {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0
    private var accumulator: UInt64 = 0
    private var pending = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    /// Bits needed for `value`'s magnitude (0 for 0).
    static func category(_ value: Int32) -> Int { 32 - value.magnitude.leadingZeroBitCount }

    /// A value's extra bits: itself when positive, its ones' complement when negative.
    static func bits(of value: Int32, category: Int) -> UInt32 {
        guard category > 0 else { return 0 }
        let raw = value < 0 ? value - 1 : value
        return UInt32(bitPattern: raw) & (UInt32(1) << category - 1)
    }

    /// Bytes as they are (markers).
    mutating func append(_ bytes: [UInt8]) {
        for byte in bytes {
            buffer[count] = byte
            count += 1
        }
    }

    /// Up to 32 bits.
    mutating func write(_ bits: UInt32, count length: Int) {
        accumulator = accumulator << length | UInt64(bits)
        pending += length
        while pending >= 8 {
            pending -= 8
            let byte = UInt8(truncatingIfNeeded: accumulator >> pending)
            buffer[count] = byte
            count += 1
            if byte == 0xFF {
                buffer[count] = 0
                count += 1
            }
        }
    }

    /// The last byte padded with ones, then end of image.
    mutating func finish() {
        if pending > 0 { write((1 << (8 - pending)) - 1, count: 8 - pending) }
        append([0xFF, 0xD9])
    }
}

/// The markers before the scan: JFIF, the quantization table, the frame, the Huffman tables, the scan's start.
struct JPEGHeader {
    var bytes: [UInt8] = []

    private mutating func marker(_ code: UInt8, _ body: [UInt8]) {
        bytes += [0xFF, code, UInt8((body.count + 2) >> 8), UInt8((body.count + 2) & 0xFF)]
        bytes += body
    }

    mutating func write(width: Int, height: Int, table: [Int32], dc: HuffmanTable, ac: HuffmanTable) {
        bytes += [0xFF, 0xD8]
        // JFIF 1.1, no density.
        marker(0xE0, Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0])
        marker(0xDB, [0] + GreyJPEG.zigzag.map { UInt8(table[$0]) })
        marker(0xC0, [8, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF), 1, 1, 0x11, 0])
        marker(0xC4, [0x00] + dc.counts[1...].map(UInt8.init) + dc.symbols
               + [0x10] + ac.counts[1...].map(UInt8.init) + ac.symbols)
        marker(0xDA, [1, 1, 0x00, 0, 63, 0])
    }
}
