/// Why a file was not read as an article: shown to the user as the diagnostic's reason.
struct NotAnArticle: Error, Equatable {
    var reason: String
}

/// Turns a file's bytes into clean UTF-8 text with LF line ends, or says why they are not text.
///
/// The encoding is found by shape: a UTF-16 byte order mark (or an obvious NUL pattern), else strict UTF-8,
/// else a legacy Chinese encoding when it clearly explains the bytes, else UTF-8 with each invalid sequence
/// replaced by U+FFFD. Runs of double-encoded UTF-8 are then repaired where the repair is exact.
enum ArticleEncoding {
    /// Clean UTF-8 text and what was done to the bytes to get it, in words for the report.
    struct Decoded: Equatable {
        var utf8: [UInt8]
        var repairs: [String]
    }

    /// How many leading bytes are checked for NUL bytes.
    static let binaryProbeLength = 1024

    /// Valid UTF-8 without a BOM and with LF line ends; invalid sequences become U+FFFD.
    static func text(from bytes: [UInt8]) -> Result<[UInt8], NotAnArticle> {
        decode(bytes).map(\.utf8)
    }

    /// The text of `bytes` and the repairs made, or why they are not an article. Never traps, whatever the bytes.
    static func decode(_ bytes: [UInt8]) -> Result<Decoded, NotAnArticle> {
        if let name = signatureKind(bytes) { return .failure(binary(name)) }
        var decoded: Decoded
        if let utf16 = UTF16Text.decode(bytes) {
            decoded = Decoded(utf8: utf16.utf8, repairs: utf16.repairs)
        } else if bytes.prefix(binaryProbeLength).contains(0) {
            return .failure(binary("NUL bytes"))
        } else {
            decoded = decodeBytes(bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes)
        }
        guard decoded.utf8.contains(where: { !isASCIISpace($0) }) else {
            return .failure(NotAnArticle(reason: "not an article: empty file"))
        }
        let unmangled = DoubleEncodedUTF8.repair(decoded.utf8)
        if unmangled.places > 0 {
            decoded.utf8 = unmangled.utf8
            decoded.repairs.append("repaired double-encoded UTF-8 in \(counted(unmangled.places, "place"))")
        }
        if decoded.utf8.contains(0x0D) { decoded.utf8 = normalizingLineEnds(decoded.utf8) }
        return .success(decoded)
    }

    // MARK: - Byte encodings

    /// UTF-8 as is when valid (the hot path: no copy); else a legacy encoding that
    /// explains the bytes clearly; else UTF-8 with U+FFFD for each invalid sequence.
    static func decodeBytes(_ body: [UInt8]) -> Decoded {
        if isValidUTF8(body[...]) { return Decoded(utf8: body, repairs: []) }
        let repaired = repairingUTF8(body[...])
        if let legacy = LegacyEncoding.best(for: body[...], replacing: repaired) {
            let name = legacy.encoding.rawValue
            return Decoded(utf8: legacy.utf8, repairs: ["decoded as \(name)"]
                + (legacy.invalid == 0 ? [] : ["repaired \(counted(legacy.invalid, "invalid \(name) sequence"))"]))
        }
        return Decoded(utf8: repaired.utf8,
                       repairs: ["repaired \(counted(repaired.invalid, "invalid UTF-8 sequence"))"])
    }

    /// Whether `bytes` are well-formed UTF-8.
    static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        // An all-ASCII prefix needs no decoding; the standard library validates the rest in one pass.
        bytes.withContiguousStorageIfAvailable { String(validating: $0, as: UTF8.self) != nil }
            ?? (String(validating: Array(bytes), as: UTF8.self) != nil)
    }

    /// What lossy UTF-8 decoding gives: each maximal invalid subpart becomes U+FFFD (as `String(decoding:)`).
    struct RepairedUTF8 {
        var utf8: [UInt8]
        /// How many invalid sequences were replaced.
        var invalid: Int
        /// How many valid scalars above U+007F were kept.
        var nonASCII: Int
    }

    static func repairingUTF8(_ bytes: ArraySlice<UInt8>) -> RepairedUTF8 {
        var result = RepairedUTF8(utf8: [], invalid: 0, nonASCII: 0)
        result.utf8.reserveCapacity(bytes.count + 16)
        var parser = Unicode.UTF8.ForwardParser()
        var input = bytes.makeIterator()
        loop: while true {
            switch parser.parseScalar(from: &input) {
            case .valid(let encoded):
                result.utf8.append(contentsOf: encoded)
                if encoded.count > 1 { result.nonASCII += 1 }
            case .error:
                result.utf8.append(contentsOf: [0xEF, 0xBF, 0xBD])
                result.invalid += 1
            case .emptyInput:
                break loop
            }
        }
        return result
    }

    // MARK: - Binary files

    /// The kind of binary file whose signature opens `bytes`, or nil.
    static func signatureKind(_ bytes: [UInt8]) -> String? {
        let signatures: [(String, [UInt8])] = [
            ("PNG image", [0x89, 0x50, 0x4E, 0x47]),
            ("JPEG image", [0xFF, 0xD8, 0xFF]),
            ("GIF image", Array("GIF8".utf8)),
            ("WebP image", Array("RIFF".utf8)),
            ("PDF document", Array("%PDF".utf8)),
            ("ZIP archive", [0x50, 0x4B, 0x03, 0x04]),
            ("gzip archive", [0x1F, 0x8B]),
        ]
        return signatures.first(where: { bytes.starts(with: $0.1) })?.0
    }

    /// What kind of binary file `bytes` look like, or nil when they may be text (UTF-16 counts as text).
    static func binaryKind(_ bytes: [UInt8]) -> String? {
        if let name = signatureKind(bytes) { return name }
        if UTF16Text.decode(bytes) != nil { return nil }
        return bytes.prefix(binaryProbeLength).contains(0) ? "NUL bytes" : nil
    }

    private static func binary(_ kind: String) -> NotAnArticle {
        NotAnArticle(reason: "not an article: binary file (\(kind))")
    }

    // MARK: - Text

    /// CRLF and lone CR turned into LF.
    static func normalizingLineEnds(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D {
                out.append(0x0A)
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
            } else {
                out.append(bytes[i])
            }
            i += 1
        }
        return out
    }

    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// "1 place", "2 places".
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
