/// Character references that were escaped twice on their way into a page (`&amp;#039` for `&#039;`, which is `'`),
/// so that after parsing the text still shows the reference: `&#039图2：…&#039` under a picture. Each is decoded
/// once, in text and in the attributes a reader sees (`alt`, `title`), where the result is unambiguous:
/// - a numeric reference with its `;` (`&#39;`, `&#x2019;`) to a character that is not markup (`<`, `>`, `&`);
/// - the quote references without their `;` that a lost semicolon leaves (`&#039`, `&#39`, `&#034`, `&#34`);
/// - a named reference with its `;` (`&quot;`, `&nbsp;`, `&hellip;`), except `&amp;`, `&lt;` and `&gt;`, which a page
///   about HTML shows on purpose.
enum DoubleEscapes {
    /// Named references a page about HTML shows on purpose: never decoded a second time.
    static let shownAsWritten: Set<String> = ["amp", "lt", "gt"]

    /// The attributes whose text a reader sees, decoded like text.
    static let visibleAttributes: Set<String> = ["alt", "title"]

    static func decoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&"), let (character, end) = reference(in: bytes, at: index) {
                out.append(contentsOf: character.utf8)
                index = end
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The reference at `start` (an `&`) and the index past it, when it is one to decode.
    private static func reference(in bytes: [UInt8], at start: Int) -> (String, Int)? {
        if let (decoded, end) = HTMLEntities.reference(in: bytes[...], at: start) {
            let name = String(decoding: bytes[(start + 1)..<(end - 1)], as: UTF8.self)
            guard !shownAsWritten.contains(name), !["<", ">", "&", "\u{FFFD}"].contains(decoded),
                  decoded.unicodeScalars.allSatisfy({ $0.value >= 0x20 || $0 == "\t" || $0 == "\n" }) else { return nil }
            return (decoded, end)
        }
        for (reference, character) in quotesWithoutSemicolon where bytes[start...].starts(with: reference.utf8) {
            let end = start + reference.utf8.count
            // `&#0391935` is `&#039` and `1935`; `&#3912` is not a quote.
            guard end == bytes.count || !(reference == "&#39" || reference == "&#34")
                    || !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) else { return nil }
            return (character, end)
        }
        return nil
    }

    /// Longest first, so that `&#039` is not read as `&#03` and a `9`.
    private static let quotesWithoutSemicolon: [(String, String)] = [
        ("&#039", "'"), ("&#034", "\""), ("&#39", "'"), ("&#34", "\""),
    ]
}
