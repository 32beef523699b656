/// Removes what XML 1.0 cannot carry and unifies line endings, before any parsing.
enum XMLCharacterFilter {
    /// `text` without C0 controls (other than tab, LF, CR), U+FFFE/U+FFFF and byte-order marks;
    /// CRLF and lone CR become LF.
    static func cleaned(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsWork) else { return text }
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

    private static func needsWork(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\r" || !isAllowed(scalar)
    }
}
