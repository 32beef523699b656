/// Guesses a collection's language from its titles when the user gives none.
enum LanguageGuess {
    /// `zh` when at least a fifth of the letters in the titles are Han characters, else `en`.
    static func language(ofTitles titles: some Sequence<String>) -> String {
        var han = 0
        var letters = 0
        for title in titles {
            for scalar in title.unicodeScalars where scalar.properties.isAlphabetic {
                letters += 1
                if isHan(scalar) { han += 1 }
            }
        }
        return letters > 0 && han * 5 >= letters ? "zh" : "en"
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return true
        default: return false
        }
    }
}
