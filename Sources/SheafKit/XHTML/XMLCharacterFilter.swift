/// Removes what XML 1.0 cannot carry and unifies line endings, before any parsing.
enum XMLCharacterFilter {
    /// `text` without C0 controls (other than tab, LF, CR), U+FFFE/U+FFFF and byte-order marks;
    /// CRLF and lone CR become LF.
    static func cleaned(_ text: String) -> String {
        guard !isClean(text) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(text.unicodeScalars.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            if scalar == "\r" {
                scalars.append("\n")
            } else if scalar == "\n" {
                if !previousWasCR { scalars.append(scalar) }
            } else if isAllowed(scalar) {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Whether XML 1.0 allows the character (and it is not a stray byte-order mark).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00...0x1F, 0x7F...0x9F: return false
        case 0xFEFF, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    /// Whether nothing needs doing, judged on the UTF-8 bytes (a scalar-by-scalar look at every article was 2% of a
    /// build): no C0 control but tab and LF, no CR, no DEL, no C1 control (C2 80…9F), no U+FEFF (EF BB BF) and no
    /// U+FFFE/U+FFFF (EF BF BE/BF).
    static func isClean(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let count = bytes.count
            var index = 0
            while index < count {
                let byte = bytes[index]
                switch byte {
                case 0x09, 0x0A: break
                case 0x00...0x1F, 0x7F: return false
                case 0xC2:
                    if index + 1 < count, (0x80...0x9F).contains(bytes[index + 1]) { return false }
                case 0xEF:
                    if index + 2 < count {
                        let (second, third) = (bytes[index + 1], bytes[index + 2])
                        if (second == 0xBB && third == 0xBF) || (second == 0xBF && (third == 0xBE || third == 0xBF)) {
                            return false
                        }
                    }
                default: break
                }
                index += 1
            }
            return true
        }
    }
}
