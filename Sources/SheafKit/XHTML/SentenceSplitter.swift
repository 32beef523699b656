/// Cuts text into sentences without losing a character: the pieces, joined, are the text.
///
/// A sentence ends after `.`, `!`, `?` or `…` followed by whitespace (so `3.14` and `U.S.A` stay whole), or
/// after `。`, `！` or `？` whatever follows (Chinese and Japanese put no space there). Closing quotes and
/// brackets right after the mark, and the whitespace after it, stay with the sentence they close.
enum SentenceSplitter {
    static func sentences(in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var pieces: [String] = []
        var start = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            let wide = wideEnds.contains(scalar)
            guard wide || narrowEnds.contains(scalar) else { continue }
            // The run of marks and closers (`?!`, `。」`).
            while index < scalars.count, wideEnds.contains(scalars[index]) || narrowEnds.contains(scalars[index])
                    || closers.contains(scalars[index]) {
                index += 1
            }
            let spaced = index < scalars.count && HTMLVocabulary.isBlank(scalars[index])
            guard wide || spaced || index == scalars.count else { continue }
            while index < scalars.count, HTMLVocabulary.isBlank(scalars[index]) { index += 1 }
            pieces.append(string(scalars[start..<index]))
            start = index
        }
        if start < scalars.count { pieces.append(string(scalars[start...])) }
        return pieces
    }

    private static let narrowEnds: Set<Unicode.Scalar> = [".", "!", "?", "…"]
    private static let wideEnds: Set<Unicode.Scalar> = ["。", "！", "？", "｡"]
    private static let closers: Set<Unicode.Scalar> = [
        "\"", "'", ")", "]", "”", "’", "」", "』", "）", "】", "》", "〉", "〕",
    ]

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
