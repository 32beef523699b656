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
        guard !isAllLegal(text) else { return text }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: text.unicodeScalars.filter(isLegal))
        return String(result)
    }

    /// Whether every character is legal, judged on the UTF-8 bytes (a scalar-by-scalar look at every chapter's
    /// blocks was most of the time this took): no C0 control but tab, LF and CR, no U+FFFE/U+FFFF (EF BF BE/BF).
    static func isAllLegal(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let count = bytes.count
            var index = 0
            while index < count {
                let byte = bytes[index]
                if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { return false }
                if byte == 0xEF, index + 2 < count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return false }
                index += 1
            }
            return true
        }
    }

    /// Whether XML 1.0's `Char` production allows the scalar (surrogates can't occur in a Swift String).
    static func isLegal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
