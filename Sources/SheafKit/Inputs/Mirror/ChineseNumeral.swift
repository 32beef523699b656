/// Numbers as datelines write them: `2020`, `０３`, `二零二零`, `一九九九`, `二〇〇〇`, `十`, `十一`, `二十`, `三十一`.
enum ChineseNumeral {
    /// Whether `scalar` can be part of a number in a dateline.
    static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        digit(scalar) != nil || scalar == "十"
    }

    /// The value of a digit character: ASCII, full-width or Chinese (〇 and 零 are both zero).
    static func digit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x30...0x39: return Int(scalar.value - 0x30)
        case 0xFF10...0xFF19: return Int(scalar.value - 0xFF10)
        default: break
        }
        switch scalar {
        case "〇", "零", "○": return 0
        case "一": return 1
        case "二", "两": return 2
        case "三": return 3
        case "四": return 4
        case "五": return 5
        case "六": return 6
        case "七": return 7
        case "八": return 8
        case "九": return 9
        default: return nil
        }
    }

    /// The value of a whole numeral, or nil when it is not one (empty, two 十, a digit run with 十 inside).
    ///
    /// Digit runs are read positionally (`二零二零` = 2020, `０８` = 8); a 十 means tens: `十` = 10,
    /// `十一` = 11, `二十` = 20, `三十一` = 31.
    static func value<S: Collection>(of scalars: S) -> Int? where S.Element == Unicode.Scalar {
        guard !scalars.isEmpty, scalars.count <= 8 else { return nil }
        guard let ten = scalars.firstIndex(of: "十") else {
            var value = 0
            for scalar in scalars {
                guard let d = digit(scalar) else { return nil }
                value = value * 10 + d
            }
            return value
        }
        let tensPart = scalars[scalars.startIndex..<ten]
        let unitsPart = scalars[scalars.index(after: ten)...]
        guard tensPart.count <= 1, unitsPart.count <= 1 else { return nil }
        let tens = tensPart.first.map { digit($0) } ?? 1
        let units = unitsPart.first.map { digit($0) } ?? 0
        guard let tens, let units, tens > 0 else { return nil }
        return tens * 10 + units
    }
}
