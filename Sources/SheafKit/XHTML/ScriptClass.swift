/// Which characters are written without spaces between them (Chinese and Japanese text and punctuation).
enum ScriptClass {
    /// Whether a space between `left` and `right` can only be an artefact: both are CJK, or one is CJK and
    /// the other a quotation mark, dash or ellipsis.
    static func joinsWithoutSpace(_ left: Unicode.Scalar, _ right: Unicode.Scalar) -> Bool {
        (isCJK(left) && (isCJK(right) || isSharedPunctuation(right))) || (isSharedPunctuation(left) && isCJK(right))
    }

    /// Han ideographs, kana, bopomofo, CJK punctuation and full-width forms (not Hangul: Korean uses spaces).
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x2FDF,   // radicals
             0x3000...0x303F,   // CJK symbols and punctuation
             0x3040...0x30FF,   // hiragana, katakana
             0x3100...0x312F, 0x31A0...0x31BF,  // bopomofo
             0x31C0...0x31FF,   // strokes, katakana extension
             0x3200...0x33FF,   // enclosed letters, compatibility
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,  // ideographs
             0xFE10...0xFE1F, 0xFE30...0xFE4F,  // vertical and compatibility forms
             0xFF00...0xFF60, 0xFFE0...0xFFE6,  // full-width forms
             0x20000...0x3FFFF:  // supplementary ideographs
            return true
        default:
            return false
        }
    }

    /// Punctuation both scripts use: quotation marks, dashes, ellipsis, middle dot.
    static func isSharedPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2010...0x2027, 0x2030...0x205E, 0x00B7: return true
        default: return false
        }
    }
}
