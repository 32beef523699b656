import Foundation

/// Repairs double-encoded UTF-8 (mojibake): text whose UTF-8 bytes were once read as Windows-1252 (or
/// Latin-1) and written out again as UTF-8, so `明慧网` shows as `æ˜Žæ…§ç½‘`.
///
/// Each run of characters that Windows-1252 can give back as bytes 0x80–0xFF is turned back into those bytes;
/// every stretch of them that is valid UTF-8 and decodes to plausible text (ideographs, CJK punctuation,
/// Latin letters, general punctuation; never C1 controls) replaces the characters it came from. Everything
/// else is kept as it was, so good text next to a mojibake run is left alone.
enum DoubleEncodedUTF8 {
    /// `text` (valid UTF-8) with every exact repair made, and in how many places: repairs on one line
    /// separated only by ASCII (spaces, digits, markup) count as one place.
    static func repair(_ text: [UInt8]) -> (utf8: [UInt8], places: Int) {
        guard mayHoldMojibake(text) else { return (text, 0) }
        var writer = Writer(capacity: text.count)
        var run: [Unicode.Scalar] = []
        for scalar in String(decoding: text, as: UTF8.self).unicodeScalars {
            if byte(for: scalar) != nil {
                run.append(scalar)
                continue
            }
            writer.write(run)
            run.removeAll(keepingCapacity: true)
            writer.keep(scalar)
        }
        writer.write(run)
        return writer.places == 0 ? (text, 0) : (writer.out, writer.places)
    }

    /// Whether `text` holds one of `Â`…`ô` (U+00C2–U+00F4, encoded C3 82–C3 B4), what a UTF-8 lead byte
    /// becomes when misread, followed by what a continuation byte becomes (U+0080–U+00BF, encoded C2 xx, or
    /// one of Windows-1252's punctuation and letters, encoded C5, C6, CB or E2 xx): no mojibake is possible
    /// without that pair. Cheap enough for every file.
    static func mayHoldMojibake(_ text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return false }
            var from = 0
            // memchr: this runs over every file, and almost none holds a C3 byte at all.
            while from + 3 < bytes.count, let hit = memchr(base + from, 0xC3, bytes.count - from - 3) {
                let found = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if (0x82...0xB4).contains(bytes[found + 1]) {
                    switch bytes[found + 2] {
                    case 0xC2: if (0x80...0xBF).contains(bytes[found + 3]) { return true }
                    case 0xC5, 0xC6, 0xCB, 0xE2: return true
                    default: break
                    }
                }
                from = found + 1
            }
            return false
        }
    }

    // MARK: - Runs

    /// The repaired text as it is written, and the places repaired so far.
    private struct Writer {
        var out: [UInt8] = []
        var places = 0
        /// Whether only ASCII other than a line end was written since the last repair.
        var adjoinsRepair = false

        init(capacity: Int) { out.reserveCapacity(capacity) }

        /// Writes a run of characters Windows-1252 gives back as bytes: each stretch of it that decodes
        /// exactly to plausible text is written decoded, every other character as it was.
        mutating func write(_ run: [Unicode.Scalar]) {
            guard run.count > 1 else { return run.forEach { keep($0) } }
            var parser = Unicode.UTF8.ForwardParser()
            var input = run.compactMap(byte(for:)).makeIterator()
            var position = 0
            loop: while true {
                let length: Int
                switch parser.parseScalar(from: &input) {
                case .valid(let encoded):
                    length = encoded.count
                    let scalar = Unicode.UTF8.decode(encoded)
                    if isPlausible(scalar) {
                        repaired(scalar)
                        position += length
                        continue loop
                    }
                case .error(let invalid):
                    length = invalid
                case .emptyInput:
                    break loop
                }
                run[position..<(position + length)].forEach { keep($0) }
                position += length
            }
        }

        mutating func keep(_ scalar: Unicode.Scalar) {
            if !scalar.isASCII || scalar == "\n" || scalar == "\r" { adjoinsRepair = false }
            Unicode.UTF8.encode(scalar) { out.append($0) }
        }

        mutating func repaired(_ scalar: Unicode.Scalar) {
            if !adjoinsRepair { places += 1 }
            adjoinsRepair = true
            Unicode.UTF8.encode(scalar) { out.append($0) }
        }
    }

    /// Whether a repaired character is one real text holds: Latin letters and signs, general punctuation,
    /// currency and letterlike symbols, CJK scripts and punctuation, Hangul, full-width forms.
    static func isPlausible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00A0...0x024F, 0x2000...0x206F, 0x20A0...0x20CF, 0x2100...0x214F, 0x2E80...0x9FFF,
             0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x2FFFF:
            true
        default:
            false
        }
    }

    // MARK: - Windows-1252

    /// The byte 0x80–0xFF that Windows-1252 (Latin-1 for its five unassigned bytes) decodes to `scalar`, or nil.
    static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0xA0...0xFF: UInt8(scalar.value)
        case 0x81, 0x8D, 0x8F, 0x90, 0x9D: UInt8(scalar.value)
        default: windows1252High[scalar]
        }
    }

    /// Windows-1252's characters for bytes 0x80–0x9F, where it differs from Latin-1.
    static let windows1252High: [Unicode.Scalar: UInt8] = {
        let characters: [(UInt8, UInt32)] = [
            (0x80, 0x20AC), (0x82, 0x201A), (0x83, 0x0192), (0x84, 0x201E), (0x85, 0x2026), (0x86, 0x2020),
            (0x87, 0x2021), (0x88, 0x02C6), (0x89, 0x2030), (0x8A, 0x0160), (0x8B, 0x2039), (0x8C, 0x0152),
            (0x8E, 0x017D), (0x91, 0x2018), (0x92, 0x2019), (0x93, 0x201C), (0x94, 0x201D), (0x95, 0x2022),
            (0x96, 0x2013), (0x97, 0x2014), (0x98, 0x02DC), (0x99, 0x2122), (0x9A, 0x0161), (0x9B, 0x203A),
            (0x9C, 0x0153), (0x9E, 0x017E), (0x9F, 0x0178),
        ]
        var map: [Unicode.Scalar: UInt8] = [:]
        for (byte, value) in characters { if let scalar = Unicode.Scalar(value) { map[scalar] = byte } }
        return map
    }()
}
