/// Caps how many attributes one tag may carry before libxml2 sees it.
///
/// libxml2's HTML parser compares each new attribute with every earlier one of the same tag, so a tag with a
/// million attributes costs hours. Attributes past `maximum` are cut from the bytes, up to the tag's `>`.
struct AttributeLimit: Sendable {
    /// More attributes than any real element carries (the corpus's most is under 20).
    var maximum: Int = 256

    /// `bytes` with every tag's attributes past `maximum` removed, and how many tags were cut.
    func applied(to bytes: [UInt8]) -> (bytes: [UInt8], cutTags: Int) {
        var output: [UInt8] = []
        var cutTags = 0
        var copied = 0
        var index = 0
        while let start = nextTag(in: bytes, from: index) {
            let scan = scanTag(in: bytes, from: start)
            if let cut = scan.cut {
                output += bytes[copied..<cut]
                copied = scan.end
                cutTags += 1
            }
            index = scan.end
        }
        guard cutTags > 0 else { return (bytes, 0) }
        output += bytes[copied...]
        return (output, cutTags)
    }

    /// The position just after the `<` of the next start tag at or after `index`.
    private func nextTag(in bytes: [UInt8], from index: Int) -> Int? {
        var i = index
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: "<"), Self.isLetter(bytes[i + 1]) { return i + 1 }
            i += 1
        }
        return nil
    }

    /// Scans the tag starting at `start` the way libxml2 does (quotes only open a value after `=`): where it
    /// ends (its `>`), and where its attribute number `maximum + 1` starts, if it has that many.
    private func scanTag(in bytes: [UInt8], from start: Int) -> (end: Int, cut: Int?) {
        var i = start
        var attributes = 0
        var afterEquals = false
        while i < bytes.count, bytes[i] != UInt8(ascii: ">") {
            let byte = bytes[i]
            if afterEquals, byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                i = (bytes[(i + 1)...].firstIndex(of: byte) ?? bytes.count - 1) + 1
                afterEquals = false
                continue
            }
            if Self.isSpace(byte) || byte == UInt8(ascii: "/") {
                i += 1
                continue
            }
            afterEquals = byte == UInt8(ascii: "=")
            if !afterEquals, i > start, Self.endsToken(bytes[i - 1]) {
                attributes += 1
                if attributes > maximum {
                    return (bytes[i...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count, i)
                }
            }
            i += 1
        }
        return (i, nil)
    }

    /// Whether an attribute name may start after `byte`.
    private static func endsToken(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "/")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
