import CLibDeflate
import Foundation

/// An archive entry deflated ahead of `zip_close`: the one file that talks to libdeflate.
///
/// libzip deflates every entry itself, one after the other, when the archive is closed; for a large book that
/// was the last tenth of the build on a single core. Deflated here, the entries of one book are compressed on
/// several threads, each whole page in one call to libdeflate (a raw deflate stream, what a zip entry holds), and
/// libzip copies them as they are. A book's pages are deflated as they are rendered, so a volume's text is held
/// compressed, not whole.
struct RawDeflate: Sendable, Equatable {
    /// The deflated bytes.
    let bytes: Data
    /// The size before compression.
    let size: Int
    /// CRC-32 of the uncompressed bytes, as the zip directory records it.
    let crc: UInt32

    /// zip's default level, the level libzip is told the entries have. libzip's own default is 9, which took a
    /// third more time for 0.07% smaller books. libdeflate at 6 writes streams as small as zlib's at 6 (the
    /// corpus's chapters: 451,128 bytes against 451,206) in a third of the time.
    static let level: Int32 = 6

    init(bytes: Data, size: Int, crc: UInt32) {
        (self.bytes, self.size, self.crc) = (bytes, size, crc)
    }

    init(_ data: Data) throws {
        self = try data.withUnsafeBytes { try Self(deflating: $0) }
    }

    /// A text's UTF-8 deflated, without a copy of it first.
    init(_ text: String) throws {
        var text = text
        self = try text.withUTF8 { try Self(deflating: UnsafeRawBufferPointer($0)) }
    }

    private init(deflating input: UnsafeRawBufferPointer) throws {
        guard let compressor = Self.compressors.take() else {
            throw SheafError(stage: .write, "cannot start deflate: out of memory")
        }
        defer { Self.compressors.give(compressor) }
        // Deflated into room for the worst case, then kept at its own size: a book's entries wait for the
        // archive in memory.
        let bound = libdeflate_deflate_compress_bound(compressor, input.count)
        let output = [UInt8](unsafeUninitializedCapacity: bound) { out, count in
            count = libdeflate_deflate_compress(compressor, input.baseAddress, input.count, out.baseAddress, bound)
        }
        // libdeflate fails only for want of room, and the bound is the worst case; an empty input still ends a block.
        guard !output.isEmpty else { throw SheafError(stage: .write, "cannot deflate") }
        bytes = Data(output)
        size = input.count
        crc = libdeflate_crc32(0, input.baseAddress, input.count)
    }

    /// The bytes before compression (what a test or a size check reads back).
    func inflated() throws -> Data {
        guard let decompressor = libdeflate_alloc_decompressor() else {
            throw SheafError(stage: .write, "cannot start inflate: out of memory")
        }
        defer { libdeflate_free_decompressor(decompressor) }
        var result = LIBDEFLATE_SUCCESS
        let output = [UInt8](unsafeUninitializedCapacity: size) { out, count in
            result = bytes.withUnsafeBytes { compressed in
                libdeflate_deflate_decompress(decompressor, compressed.baseAddress, compressed.count,
                                              out.baseAddress, size, nil)
            }
            count = result == LIBDEFLATE_SUCCESS ? size : 0
        }
        guard result == LIBDEFLATE_SUCCESS else {
            throw SheafError(stage: .write, "cannot inflate (libdeflate result \(result.rawValue))")
        }
        return Data(output)
    }

    /// Compressors for any thread to borrow: one holds about half a megabyte of tables, allocated (and its pages
    /// faulted in) afresh for every page cost more than deflating a short page. At most one per thread deflating
    /// at once is ever made; they live as long as the program.
    private static let compressors = CompressorPool()
}

/// libdeflate compressors at `RawDeflate.level`, lent one at a time under a lock.
private final class CompressorPool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [OpaquePointer] = []

    /// An idle compressor, or a new one; nil when memory runs out.
    func take() -> OpaquePointer? {
        if let compressor = lock.withLock({ idle.popLast() }) { return compressor }
        return libdeflate_alloc_compressor(RawDeflate.level)
    }

    func give(_ compressor: OpaquePointer) {
        lock.withLock { idle.append(compressor) }
    }
}
