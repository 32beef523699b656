import Crypto

/// The book's `urn:uuid:` identifier, derived from what the volume holds so a rebuild keeps it.
enum BookIdentifier {
    /// A name-based UUID (version 8, RFC 9562) over the collection, the volume key and each article's id
    /// and source, in reading order.
    static func identifier(for volume: Volume) -> String {
        var hasher = SHA256()
        // Length-prefixed fields, so that no two different inputs concatenate to the same bytes.
        func feed(_ field: String) {
            let bytes = Array(field.utf8)
            hasher.update(data: Array(String(bytes.count).utf8))
            hasher.update(data: [0x3A])
            hasher.update(data: bytes)
        }
        feed("sheaf-volume-v1")
        feed(volume.collection)
        feed(volume.key)
        for article in volume.articles {
            feed(article.id)
            feed(article.source ?? "")
        }
        var bytes = Array(hasher.finalize().prefix(16))
        bytes[6] = bytes[6] & 0x0F | 0x80
        bytes[8] = bytes[8] & 0x3F | 0x80
        let hex = bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(hex.dropFirst(range.lowerBound).prefix(range.count))
        }
        return "urn:uuid:" + groups.joined(separator: "-")
    }
}
