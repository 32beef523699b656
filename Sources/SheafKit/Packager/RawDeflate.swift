import CZlib
import Foundation

/// An archive entry deflated ahead of `zip_close`: the one file that talks to zlib.
///
/// libzip deflates every entry itself, one after the other, when the archive is closed; for a large book that
/// was the last tenth of the build on a single core. Deflated here, the entries of one book can be compressed on
/// several threads, with the settings libzip is given for the other entries (raw deflate, its memory level, the
/// same `level`), so the bytes are the same as libzip would write. A book's pages are deflated as they are
/// rendered, so a volume's text is held compressed, not whole.
struct RawDeflate: Sendable, Equatable {
    /// The deflated bytes.
    let bytes: Data
    /// The size before compression.
    let size: Int
    /// CRC-32 of the uncompressed bytes, as the zip directory records it.
    let crc: UInt32

    /// zlib's and zip's default level. libzip's own default is 9, which took a third more time for 0.07% smaller
    /// books (the corpus by week: 27.53 MB at 9, 27.55 MB at 6).
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
        var stream = z_stream()
        guard sheaf_deflate_init(&stream, Self.level) == Z_OK else {
            throw SheafError(stage: .write, "cannot start deflate")
        }
        defer { deflateEnd(&stream) }
        // Deflated into room for the worst case, then kept at its own size: a book's entries wait for the
        // archive in memory.
        let bound = Int(deflateBound(&stream, uLong(input.count)))
        var status: Int32 = 0
        let output = [UInt8](unsafeUninitializedCapacity: bound) { out, count in
            status = Self.finish(&stream, from: input, into: out, deflate)
            count = status == Z_STREAM_END ? Int(stream.total_out) : 0
        }
        guard status == Z_STREAM_END else { throw SheafError(stage: .write, "cannot deflate (zlib status \(status))") }
        bytes = Data(output)
        size = input.count
        crc = UInt32(crc32(0, input.bindMemory(to: Bytef.self).baseAddress, uInt(input.count)))
    }

    /// The bytes before compression (what a test or a size check reads back).
    func inflated() throws -> Data {
        var stream = z_stream()
        guard sheaf_inflate_init(&stream) == Z_OK else { throw SheafError(stage: .write, "cannot start inflate") }
        defer { inflateEnd(&stream) }
        var status: Int32 = 0
        let output = [UInt8](unsafeUninitializedCapacity: size) { out, count in
            status = bytes.withUnsafeBytes { Self.finish(&stream, from: $0, into: out, inflate) }
            count = status == Z_STREAM_END ? Int(stream.total_out) : 0
        }
        guard status == Z_STREAM_END, output.count == size else {
            throw SheafError(stage: .write, "cannot inflate (zlib status \(status))")
        }
        return Data(output)
    }

    /// Points `stream` at the whole of `input` and `output` and runs `step` (zlib's deflate or inflate) to the end.
    private static func finish(_ stream: inout z_stream, from input: UnsafeRawBufferPointer,
                               into output: UnsafeMutableBufferPointer<UInt8>,
                               _ step: (UnsafeMutablePointer<z_stream>?, Int32) -> Int32) -> Int32 {
        stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
        stream.avail_in = uInt(input.count)
        stream.next_out = output.baseAddress
        stream.avail_out = uInt(output.count)
        return step(&stream, Z_FINISH)
    }
}
