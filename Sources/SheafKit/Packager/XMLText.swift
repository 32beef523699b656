/// Text made safe for XML 1.0: characters XML forbids removed, markup characters escaped.
enum XMLText {
    /// Escapes `&`, `<`, `>`, `"` and `'` after dropping characters XML 1.0 cannot carry.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars where isLegal(scalar) {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The text without characters XML 1.0 forbids (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF).
    static func legal(_ text: String) -> String {
        // The common case is already clean: don't copy it.
        guard text.unicodeScalars.contains(where: { !isLegal($0) }) else { return text }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: text.unicodeScalars.filter(isLegal))
        return String(result)
    }

    /// Whether XML 1.0's `Char` production allows the scalar (surrogates can't occur in a Swift String).
    static func isLegal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
