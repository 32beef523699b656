/// Decodes HTML character references (`&nbsp;`, `&#160;`, `&#xA0;`, `&amp;` …) in short texts such as titles.
///
/// Only the named references that occur in news pages are known; an unknown name is left as written, so
/// a raw `&` in a title (`A & B`) survives untouched.
enum HTMLEntities {
    /// `text` with every known character reference replaced by its character.
    static func decode(_ text: String) -> String {
        guard text.utf8.withContiguousStorageIfAvailable({ $0.contains(UInt8(ascii: "&")) }) ?? true else {
            return text
        }
        return String(decoding: decode(Array(text.utf8)[...]), as: UTF8.self)
    }

    /// UTF-8 `bytes` with every known character reference replaced by its character's UTF-8.
    static func decode(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var copied = bytes.startIndex
        var i = copied
        while let ampersand = bytes[i...].firstIndex(of: UInt8(ascii: "&")) {
            guard let (decoded, end) = reference(in: bytes, at: ampersand) else {
                i = ampersand + 1
                continue
            }
            out.append(contentsOf: bytes[copied..<ampersand])
            out.append(contentsOf: decoded.utf8)
            copied = end
            i = end
        }
        out.append(contentsOf: bytes[copied...])
        return out
    }

    /// The reference starting at `start` (which holds `&`) and the index just past its `;`.
    static func reference(in bytes: ArraySlice<UInt8>, at start: Int) -> (String, Int)? {
        let maxLength = 12
        var end = start + 1
        while end < bytes.endIndex, end - start <= maxLength, bytes[end] != UInt8(ascii: ";") {
            let byte = bytes[end]
            guard byte < 0x80, byte != UInt8(ascii: "&"), byte > 0x20 else { return nil }
            end += 1
        }
        guard end < bytes.endIndex, bytes[end] == UInt8(ascii: ";"), end > start + 1 else { return nil }
        guard let decoded = character(forReference: String(decoding: bytes[(start + 1)..<end], as: UTF8.self))
        else { return nil }
        return (decoded, end + 1)
    }

    /// The text a reference body (`nbsp`, `#160`, `#xA0`) stands for, or nil when it is not one.
    static func character(forReference name: String) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits, radix: 10)
            }
            guard let value else { return nil }
            // NUL, surrogates and out-of-range values are not characters: show that something was there.
            guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
            return String(Character(scalar))
        }
        return named[name]
    }

    /// Named references seen in news pages (HTML 4 Latin-1, punctuation and a few symbols).
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
        "nbsp": "\u{A0}", "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}",
        "zwnj": "\u{200C}", "zwj": "\u{200D}", "lrm": "\u{200E}", "rlm": "\u{200F}", "shy": "\u{AD}",
        "ndash": "–", "mdash": "—", "lsquo": "‘", "rsquo": "’", "sbquo": "‚",
        "ldquo": "“", "rdquo": "”", "bdquo": "„", "hellip": "…", "middot": "·", "bull": "•",
        "laquo": "«", "raquo": "»", "lsaquo": "‹", "rsaquo": "›", "prime": "′", "Prime": "″",
        "copy": "©", "reg": "®", "trade": "™", "deg": "°", "plusmn": "±", "times": "×", "divide": "÷",
        "micro": "µ", "para": "¶", "sect": "§", "iexcl": "¡", "iquest": "¿", "cent": "¢",
        "pound": "£", "yen": "¥", "euro": "€", "curren": "¤", "brvbar": "¦", "uml": "¨",
        "ordf": "ª", "ordm": "º", "not": "¬", "macr": "¯", "acute": "´", "cedil": "¸",
        "sup1": "¹", "sup2": "²", "sup3": "³", "frac14": "¼", "frac12": "½", "frac34": "¾",
        "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "harr": "↔", "hearts": "♥",
        "agrave": "à", "aacute": "á", "acirc": "â", "atilde": "ã", "auml": "ä", "aring": "å",
        "ccedil": "ç", "egrave": "è", "eacute": "é", "ecirc": "ê", "euml": "ë",
        "igrave": "ì", "iacute": "í", "icirc": "î", "iuml": "ï", "ntilde": "ñ",
        "ograve": "ò", "oacute": "ó", "ocirc": "ô", "otilde": "õ", "ouml": "ö", "oslash": "ø",
        "ugrave": "ù", "uacute": "ú", "ucirc": "û", "uuml": "ü", "yacute": "ý", "yuml": "ÿ",
        "Agrave": "À", "Aacute": "Á", "Acirc": "Â", "Atilde": "Ã", "Auml": "Ä", "Aring": "Å",
        "Ccedil": "Ç", "Egrave": "È", "Eacute": "É", "Ecirc": "Ê", "Euml": "Ë",
        "Iacute": "Í", "Ntilde": "Ñ", "Oacute": "Ó", "Ouml": "Ö", "Oslash": "Ø",
        "Uacute": "Ú", "Uuml": "Ü", "szlig": "ß", "aelig": "æ", "AElig": "Æ",
    ]
}
