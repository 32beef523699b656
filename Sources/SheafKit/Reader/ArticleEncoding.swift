/// Why a file was not read as an article: shown to the user as the diagnostic's reason.
struct NotAnArticle: Error, Equatable {
    var reason: String
}

/// Turns a file's bytes into clean UTF-8 text with LF line ends, or says why they are not text.
enum ArticleEncoding {
    /// How many leading bytes are checked for NUL bytes.
    static let binaryProbeLength = 1024

    /// Valid UTF-8 without a BOM and with LF line ends; invalid sequences become U+FFFD.
    static func text(from bytes: [UInt8]) -> Result<[UInt8], NotAnArticle> {
        if let kind = binaryKind(bytes) {
            return .failure(NotAnArticle(reason: "not an article: binary file (\(kind))"))
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard body.contains(where: { !isASCIISpace($0) }) else {
            return .failure(NotAnArticle(reason: "not an article: empty file"))
        }
        // String(decoding:) replaces each invalid sequence with U+FFFD, so what follows is valid UTF-8.
        let repaired = Array(String(decoding: body, as: UTF8.self).utf8)
        return .success(repaired.contains(0x0D) ? normalizingLineEnds(repaired) : repaired)
    }

    /// What kind of binary file `bytes` look like, or nil when they may be text.
    static func binaryKind(_ bytes: [UInt8]) -> String? {
        let signatures: [(String, [UInt8])] = [
            ("PNG image", [0x89, 0x50, 0x4E, 0x47]),
            ("JPEG image", [0xFF, 0xD8, 0xFF]),
            ("GIF image", Array("GIF8".utf8)),
            ("WebP image", Array("RIFF".utf8)),
            ("PDF document", Array("%PDF".utf8)),
            ("ZIP archive", [0x50, 0x4B, 0x03, 0x04]),
            ("gzip archive", [0x1F, 0x8B]),
        ]
        if let (name, _) = signatures.first(where: { bytes.starts(with: $0.1) }) { return name }
        return bytes.prefix(binaryProbeLength).contains(0) ? "NUL bytes" : nil
    }

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
}
