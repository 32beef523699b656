/// Substring tests over UTF-8 bytes.
///
/// With Foundation imported, `String.contains(_:)` and `range(of:)` go through NSString and a locale-aware search:
/// on the rewriters' hot path, for every element and link of 2,700 articles, that was a tenth of a build.
extension StringProtocol {
    /// Whether `needle` occurs in the text, byte for byte (so case- and normalization-sensitive).
    func includes(_ needle: String) -> Bool { byteOffset(of: needle) != nil }

    /// The UTF-8 offset of the first occurrence of `needle`, if any. Searches the strings' own UTF-8 storage:
    /// no copy of either (it runs for every element of every article).
    func byteOffset(of needle: String) -> Int? {
        var text = String(self), pattern = needle
        return text.withUTF8 { haystack in
            pattern.withUTF8 { pattern -> Int? in
                guard let first = pattern.first else { return 0 }
                guard haystack.count >= pattern.count else { return nil }
                let last = haystack.count - pattern.count
                var start = 0
                while start <= last {
                    guard let hit = haystack[start...last].firstIndex(of: first) else { return nil }
                    if haystack[hit..<(hit + pattern.count)].elementsEqual(pattern) { return hit }
                    start = hit + 1
                }
                return nil
            }
        }
    }
}

extension String {
    /// The text without leading and trailing Unicode whitespace (what `trimmingCharacters(in: .whitespacesAndNewlines)`
    /// gives, without the round trip through NSString).
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}

extension Unicode.Scalar {
    /// Unicode's White_Space, answered for ASCII without the property tables: most text is ASCII.
    var isWhitespace: Bool {
        isASCII ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace
    }
}
