import Foundation
@testable import SheafKit

/// Test data for the web archive readers: compressed streams written by a small encoder of its own (deflate with
/// the fixed Huffman codes, independent of zlib), WARC records built from parts, and fixture paths.
enum WebArchiveTestData {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/WebArchive")

    /// The path of a fixture of `Fixtures/WebArchive`.
    static func fixture(_ name: String) -> String {
        fixtures.appendingPathComponent(name).path
    }

    /// The bytes of a fixture of `Fixtures/WebArchive`.
    static func fixtureBytes(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    /// `bytes` written to a new file in a fresh temporary folder; its path.
    static func temporaryFile(_ bytes: [UInt8], named name: String = "test.warc") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sheaf-warc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    // MARK: - WARC records

    /// One WARC record: version line, fields, Content-Length (the block's, unless `length` says otherwise),
    /// the blank line, the block and the two line ends after it.
    static func record(_ type: String, uri: String? = nil, fields: [String] = [], block: [UInt8],
                       length: Int? = nil, contentType: String? = nil) -> [UInt8] {
        var lines = ["WARC/1.1", "WARC-Type: \(type)", "WARC-Record-ID: <urn:uuid:\(UUID().uuidString.lowercased())>",
                     "WARC-Date: 2024-05-06T07:08:09Z"]
        if let uri { lines.append("WARC-Target-URI: \(uri)") }
        if let contentType { lines.append("Content-Type: \(contentType)") }
        lines += fields
        lines.append("Content-Length: \(length ?? block.count)")
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8) + block + Array("\r\n\r\n".utf8)
    }

    /// An HTTP response message: status line, header lines, a blank line, the body.
    static func http(_ status: String = "200 OK", headers: [String], body: [UInt8]) -> [UInt8] {
        Array((["HTTP/1.1 \(status)"] + headers).joined(separator: "\r\n").utf8) + Array("\r\n\r\n".utf8) + body
    }

    /// A response record for `uri` holding an HTML page with `text`.
    static func pageRecord(_ uri: String, text: String, length: Int? = nil) -> [UInt8] {
        let body = Array("<html><body><p>\(text)</p></body></html>".utf8)
        let message = http(headers: ["Content-Type: text/html; charset=utf-8", "Content-Length: \(body.count)"], body: body)
        return record("response", uri: uri, block: message, length: length,
                      contentType: "application/http; msgtype=response")
    }

    // MARK: - Compressed streams

    /// `bytes` as one gzip member (every byte a fixed-Huffman literal).
    static func gzip(_ bytes: [UInt8]) -> [UInt8] {
        gzipHeader + deflate(bytes) + littleEndian(crc32(bytes)) + littleEndian(UInt32(truncatingIfNeeded: bytes.count))
    }

    /// `bytes` as a zlib stream (RFC 1950).
    static func zlib(_ bytes: [UInt8]) -> [UInt8] {
        var adler = (a: UInt32(1), b: UInt32(0))
        for byte in bytes {
            adler.a = (adler.a + UInt32(byte)) % 65521
            adler.b = (adler.b + adler.a) % 65521
        }
        let check = adler.b << 16 | adler.a
        return [0x78, 0x01] + deflate(bytes) + [UInt8(check >> 24), UInt8(check >> 16 & 0xFF), UInt8(check >> 8 & 0xFF),
                                                 UInt8(check & 0xFF)]
    }

    /// Raw deflate data for `bytes`: one final block with the fixed Huffman codes, literals only.
    static func deflate(_ bytes: [UInt8]) -> [UInt8] {
        var writer = BitWriter()
        writer.bits(1, count: 1)  // The final block,
        writer.bits(1, count: 2)  // with the fixed codes.
        for byte in bytes { writer.literal(byte) }
        writer.code(0, length: 7)  // End of block (256).
        return writer.finished
    }

    /// A gzip member of `count` spaces written as a space and back-references 258 bytes long, a hundred and
    /// fiftieth of its size: a "bomb", with `prefix` and `suffix` as literals around the spaces. Unless `checked`,
    /// its trailer is left zero (a reader refusing the bomb never gets to it).
    static func spaceBomb(count: Int, checked: Bool = false, prefix: [UInt8] = [], suffix: [UInt8] = []) -> [UInt8] {
        var writer = BitWriter()
        writer.bits(1, count: 1)
        writer.bits(1, count: 2)
        for byte in prefix { writer.literal(byte) }
        writer.literal(0x20)
        var left = count - 1
        while left >= 258 {
            writer.code(0xC5, length: 8)  // Length 258 (symbol 285),
            writer.code(0, length: 5)  // distance 1.
            left -= 258
        }
        for _ in 0..<left { writer.literal(0x20) }
        for byte in suffix { writer.literal(byte) }
        writer.code(0, length: 7)
        guard checked else { return gzipHeader + writer.finished + [UInt8](repeating: 0, count: 8) }
        let crc = ~crcUpdate(crcUpdate(crcUpdate(0xFFFF_FFFF, prefix), repeating: 0x20, count: count), suffix)
        return gzipHeader + writer.finished + littleEndian(crc)
            + littleEndian(UInt32(truncatingIfNeeded: prefix.count + count + suffix.count))
    }

    static let gzipHeader: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        ~crcUpdate(0xFFFF_FFFF, bytes)
    }

    static func crcUpdate(_ crc: UInt32, _ bytes: [UInt8]) -> UInt32 {
        bytes.reduce(crc) { crc, byte in crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    }

    /// The CRC-32 register after `count` more copies of `byte`.
    static func crcUpdate(_ crc: UInt32, repeating byte: UInt8, count: Int) -> UInt32 {
        var crc = crc
        for _ in 0..<count { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc
    }

    static let crcTable: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        return crc
    }

    static func littleEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
    }

    /// Deflate's bit order: values least significant bit first, Huffman codes most significant bit first.
    struct BitWriter {
        var bytes: [UInt8] = []
        private var current: UInt32 = 0
        private var filled = 0

        mutating func bits(_ value: UInt32, count: Int) {
            for index in 0..<count { push(value >> UInt32(index) & 1) }
        }

        mutating func code(_ code: UInt32, length: Int) {
            for index in stride(from: length - 1, through: 0, by: -1) { push(code >> UInt32(index) & 1) }
        }

        mutating func literal(_ byte: UInt8) {
            if byte < 144 { code(0x30 + UInt32(byte), length: 8) } else { code(0x190 + UInt32(byte) - 144, length: 9) }
        }

        private mutating func push(_ bit: UInt32) {
            current |= bit << UInt32(filled)
            filled += 1
            if filled == 8 { flush() }
        }

        private mutating func flush() {
            bytes.append(UInt8(current & 0xFF))
            (current, filled) = (0, 0)
        }

        /// The bytes written, the last one padded with zero bits.
        var finished: [UInt8] {
            var copy = self
            if copy.filled > 0 { copy.flush() }
            return copy.bytes
        }
    }
}
