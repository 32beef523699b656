/// Quoted-printable (RFC 2045) decoded, as MHTML pages are written: `=XX` is a byte, `=` at a line end is a
/// soft line break (the line goes on), and an `=` followed by anything else stays as it is.
enum QuotedPrintable {
    /// The bytes `encoded` stands for.
    static func decode(_ encoded: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(encoded.count)
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let byte = encoded[index]
            guard byte == UInt8(ascii: "=") else {
                output.append(byte)
                index += 1
                continue
            }
            if let after = softBreakEnd(encoded, at: index + 1) {
                index = after
            } else if index + 2 < encoded.endIndex, let high = DataURI.hexValue(encoded[index + 1]),
                      let low = DataURI.hexValue(encoded[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    /// Where a soft line break's line end starting at `index` (spaces and tabs allowed before it) ends; nil when
    /// no line end follows the `=`.
    private static func softBreakEnd(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int? {
        var index = index
        while index < bytes.endIndex, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        guard index < bytes.endIndex else { return index }  // An `=` ending the text joins nothing.
        if bytes[index] == 0x0A { return index + 1 }
        if bytes[index] == 0x0D {
            return index + 1 < bytes.endIndex && bytes[index + 1] == 0x0A ? index + 2 : index + 1
        }
        return nil
    }
}
