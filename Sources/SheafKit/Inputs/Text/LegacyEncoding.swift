import Foundation

/// A legacy Chinese encoding an article file may be written in, chosen only when it clearly explains bytes
/// that are not UTF-8.
///
/// Double-byte encodings decode almost any byte soup into *some* ideographs, so strictness alone proves
/// little: a candidate must decode strictly, give next to no odd characters (private use, controls), and
/// give Chinese that reads like Chinese — a good share of the most frequent ideographs.
enum LegacyEncoding: String, CaseIterable, Sendable {
    case gb18030 = "GB18030"
    case big5 = "Big5"

    /// Foundation's code for the encoding. GB18030 is a superset of GBK and GB2312, so it reads those too
    /// (Foundation on Linux has no working GBK code of its own).
    var foundationEncoding: String.Encoding {
        switch self {
        case .gb18030: String.Encoding(rawValue: 0x8000_0632)
        case .big5: String.Encoding(rawValue: 0x8000_0A03)
        }
    }

    /// The bytes decoded strictly as UTF-8 text, or nil if they are not valid in this encoding.
    func strictUTF8(of bytes: ArraySlice<UInt8>) -> [UInt8]? {
        String(data: Data(bytes), encoding: foundationEncoding).map { Array($0.utf8) }
    }

    /// The bytes decoded as UTF-8 text, each invalid sequence (a damaged or truncated character) becoming
    /// U+FFFD: in one go when they are valid, else line by line (LF is never part of a double-byte character),
    /// and a bad line character by character.
    func utf8(of bytes: ArraySlice<UInt8>) -> (utf8: [UInt8], invalid: Int) {
        if let whole = strictUTF8(of: bytes) { return (whole, 0) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3 / 2)
        var invalid = 0
        for (number, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            if number > 0 { out.append(0x0A) }
            if let decoded = strictUTF8(of: line) {
                out += decoded
                continue
            }
            var index = line.startIndex
            while index < line.endIndex {
                let character = line[index..<min(index + characterLength(line[index...]), line.endIndex)]
                if let decoded = character.count == 1 && character[index] < 0x80 ? [character[index]]
                    : strictUTF8(of: character) {
                    out += decoded
                    index = character.endIndex
                } else {
                    // Skip only the lead byte: what follows may start a good character (as WHATWG decoders do).
                    out += [0xEF, 0xBF, 0xBD]
                    invalid += 1
                    index += 1
                }
            }
        }
        return (out, invalid)
    }

    /// How many bytes the character starting `bytes` takes, by the shape of its first two bytes.
    func characterLength(_ bytes: ArraySlice<UInt8>) -> Int {
        guard let lead = bytes.first, (0x81...0xFE).contains(lead) else { return 1 }
        if self == .gb18030, bytes.count > 1, (0x30...0x39).contains(bytes[bytes.startIndex + 1]) { return 4 }
        return 2
    }

    /// Below this many ideographs the frequency test says little; the candidate must then be free of odd characters.
    static let fewIdeographs = 30
    /// The least share of frequent ideographs among all ideographs for text that reads like Chinese
    /// (the 2,746 corpus articles score 0.22–0.58; GB18030 bytes read as Big5 score under 0.04).
    static let leastFrequentShare = 0.1

    /// The encoding that clearly explains `bytes` and their text, or nil to keep the lossy UTF-8 decoding
    /// `lossy` (a few bad bytes in UTF-8 text are damage, not another encoding).
    static func best(for bytes: ArraySlice<UInt8>, replacing lossy: ArticleEncoding.RepairedUTF8)
        -> (encoding: LegacyEncoding, utf8: [UInt8], invalid: Int)? {
        // Text in a double-byte encoding is mostly invalid as UTF-8; damaged UTF-8 is mostly valid.
        guard lossy.invalid * 2 >= lossy.nonASCII else { return nil }
        var best: (encoding: LegacyEncoding, decoded: (utf8: [UInt8], invalid: Int), share: Double)?
        for encoding in allCases {
            let decoded = encoding.utf8(of: bytes)
            let score = TextScore(String(decoding: decoded.utf8, as: UTF8.self))
            // A few ideographs prove nothing when some of the bytes are valid UTF-8 characters.
            if score.ideographs < fewIdeographs, lossy.nonASCII > 0 { continue }
            guard score.explainsText, score.frequentShare > best?.share ?? -1 else { continue }
            best = (encoding, decoded, score.frequentShare)
        }
        return best.map { ($0.encoding, $0.decoded.utf8, $0.decoded.invalid) }
    }
}

/// How much decoded text looks like real text: counts of its non-ASCII characters by kind.
struct TextScore {
    var nonASCII = 0
    /// Characters no real article holds: U+FFFD, private use, controls other than tab and line ends.
    var odd = 0
    /// How many of the odd characters are U+FFFD, which a damaged or truncated character leaves.
    var replacements = 0
    var ideographs = 0
    /// Ideographs among the most frequent in Chinese writing, in simplified or traditional form.
    var frequent = 0

    init(_ text: String) {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if value < 0x20, value != 0x09, value != 0x0A, value != 0x0D { odd += 1 }
                continue
            }
            nonASCII += 1
            if (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) {
                ideographs += 1
                if Self.frequentIdeographs.contains(scalar) { frequent += 1 }
            } else if value == 0xFFFD {
                odd += 1
                replacements += 1
            } else if value < 0xA0 || (0xE000...0xF8FF).contains(value) || value >= 0xF0000 {
                odd += 1
            }
        }
    }

    var frequentShare: Double { ideographs == 0 ? 0 : Double(frequent) / Double(ideographs) }

    /// Next to no odd characters (under 2%) or damaged ones (under 5%; in a short text, none odd and at most
    /// one damaged), and Chinese that reads like Chinese.
    var explainsText: Bool {
        guard ideographs > 0, (odd - replacements) * 50 <= nonASCII, replacements * 20 <= nonASCII else {
            return false
        }
        if ideographs < LegacyEncoding.fewIdeographs { return odd == replacements && replacements <= 1 }
        return frequentShare >= LegacyEncoding.leastFrequentShare
    }

    /// About 150 of the most frequent ideographs of news text, both forms where they differ.
    static let frequentIdeographs: Set<Unicode.Scalar> = Set((
        "的一是不了在人有我他这個个们們中来來上大为為和国國地到以说說时時要就出会會可也你对對生能而子那得于於着著"
        + "下自之年过過发發后後作里裡用道行所然家种種事成方多经經么麼去法学學如都同现現当當没沒动動面起看定天分"
        + "还還进進好小部其些主样樣理心她本前开開但因只从從想实實日月员員者民共党黨政府被与與新闻聞报報记記表示"
        + "将將已业業全工美力网網期间間最高长長问問题題情况況"
    ).unicodeScalars)
}
