/// Recognizes and decodes UTF-16 text: by its byte order mark, or without one when the NUL bytes of its
/// ASCII characters (the markup of an article) all fall on one side of each code unit.
enum UTF16Text {
    /// How many leading bytes decide a UTF-16 file without a byte order mark.
    static let probeLength = 1024

    /// The bytes as UTF-8 and the repairs made, or nil when `bytes` do not look like UTF-16.
    static func decode(_ bytes: [UInt8]) -> (utf8: [UInt8], repairs: [String])? {
        let bigEndian: Bool
        var body = bytes[...]
        var how = ""
        if bytes.starts(with: [0xFF, 0xFE]) {
            bigEndian = false
            body = body.dropFirst(2)
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            bigEndian = true
            body = body.dropFirst(2)
        } else if let guess = byteOrderByNULs(bytes) {
            bigEndian = guess
            how = " (no byte order mark)"
        } else {
            return nil
        }
        let decoded = utf8(of: body, bigEndian: bigEndian)
        var repairs = ["decoded as UTF-16\(bigEndian ? "BE" : "LE")\(how)"]
        if decoded.invalid > 0 {
            repairs.append("repaired \(ArticleEncoding.counted(decoded.invalid, "invalid UTF-16 sequence"))")
        }
        return (decoded.utf8, repairs)
    }

    /// True for big-endian, false for little-endian, nil unless the probe clearly is UTF-16 text: at least a
    /// quarter of the code units have a zero high byte, the other side almost never is zero, and no code unit
    /// is U+0000.
    static func byteOrderByNULs(_ bytes: [UInt8]) -> Bool? {
        let probe = bytes.prefix(probeLength)
        let units = probe.count / 2
        guard units >= 2 else { return nil }
        var evenZeros = 0, oddZeros = 0
        var index = probe.startIndex
        for _ in 0..<units {
            let (first, second) = (probe[index], probe[index + 1])
            if first == 0, second == 0 { return nil }
            if first == 0 { evenZeros += 1 }
            if second == 0 { oddZeros += 1 }
            index += 2
        }
        if oddZeros * 4 >= units, evenZeros * 8 <= oddZeros { return false }
        if evenZeros * 4 >= units, oddZeros * 8 <= evenZeros { return true }
        return nil
    }

    /// Lossy decoding: each unpaired surrogate, and an odd last byte, becomes U+FFFD.
    static func utf8(of bytes: ArraySlice<UInt8>, bigEndian: Bool) -> (utf8: [UInt8], invalid: Int) {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let (first, second) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        var out: [UInt8] = []
        out.reserveCapacity(units.count * 3)
        var invalid = 0
        var parser = Unicode.UTF16.ForwardParser()
        var input = units.makeIterator()
        loop: while true {
            switch parser.parseScalar(from: &input) {
            case .valid(let encoded):
                Unicode.UTF8.encode(Unicode.UTF16.decode(encoded)) { out.append($0) }
            case .error:
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                invalid += 1
            case .emptyInput:
                break loop
            }
        }
        if bytes.count % 2 == 1 {
            out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            invalid += 1
        }
        return (out, invalid)
    }
}

