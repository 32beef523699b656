/// Turns names into ASCII file-name parts that are safe on every file system and e-reader.
enum FileNameSlug {
    /// Keeps ASCII letters, digits, `.`, `_` and `-`; other runs become one `-`. A name with nothing ASCII
    /// left becomes `x` plus a short stable hash of its UTF-8 bytes, unless a fallback is given.
    static func slug(_ name: String, fallback: String?) -> String {
        var out = ""
        var pendingDash = false
        for byte in name.utf8 {
            let keep = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
                || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2E || byte == 0x5F || byte == 0x2D
            if keep {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.append(Character(Unicode.Scalar(byte)))
            } else {
                pendingDash = true
            }
        }
        while out.hasPrefix(".") || out.hasPrefix("-") { out.removeFirst() }
        if out.count > 80 { out = String(out.prefix(80)) }
        if !out.isEmpty && out.unicodeScalars.count * 2 >= name.unicodeScalars.count { return out }
        if let fallback, out.isEmpty { return fallback }
        // Mostly non-ASCII: keep what ASCII there is and add a hash so distinct names stay distinct.
        return (out.isEmpty ? "x" : out + "-") + hexHash(name)
    }

    /// FNV-1a, 32 bits, as 8 hex digits: short, stable across runs and machines.
    static func hexHash(_ text: String) -> String {
        var hash: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
