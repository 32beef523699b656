import Foundation

/// The bytes of a `data:` URI (RFC 2397, as browsers read it): the payload is percent-decoded, then
/// base64-decoded when the header says `;base64`. The declared media type is ignored: bytes are sniffed.
enum DataURI {
    /// Whether `uri` is a `data:` URI at all (any case, leading spaces allowed).
    static func isDataURI(_ uri: String) -> Bool {
        uri.drop(while: \.isWhitespace).prefix(5).lowercased() == "data:"
    }

    /// The payload's bytes; nil when `uri` is not a data URI or its payload cannot be decoded.
    static func bytes(of uri: String) -> [UInt8]? {
        guard isDataURI(uri) else { return nil }
        let body = uri.drop(while: \.isWhitespace).dropFirst(5)
        guard let comma = body.firstIndex(of: ",") else { return nil }
        let header = body[..<comma].lowercased().filter { !$0.isWhitespace }
        let payload = percentDecoded(Array(body[body.index(after: comma)...].utf8))
        return header.hasSuffix(";base64") ? base64Decoded(payload) : payload
    }

    /// `%XX` escapes turned into their bytes; a `%` not followed by two hex digits stays as it is.
    static func percentDecoded(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "%")) else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    /// Forgiving base64 (WHATWG): ASCII whitespace ignored, padding optional; any other stray byte fails.
    static func base64Decoded(_ bytes: [UInt8]) -> [UInt8]? {
        var text = bytes.filter { ![0x09, 0x0A, 0x0C, 0x0D, 0x20].contains($0) }
        if text.count % 4 == 0, text.last == UInt8(ascii: "=") {
            text.removeLast()
            if text.last == UInt8(ascii: "=") { text.removeLast() }
        }
        guard text.count % 4 != 1, !text.contains(UInt8(ascii: "=")) else { return nil }
        text += Array(repeating: UInt8(ascii: "="), count: (4 - text.count % 4) % 4)
        return Data(base64Encoded: Data(text)).map { [UInt8]($0) }
    }

    /// The value of one hexadecimal digit, either case (quoted-printable decoding uses it too).
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
