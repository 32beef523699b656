import Foundation

/// The 64-bit FNV-1a hash: fast and good enough to notice that bytes changed, where SHA-256 would cost
/// too much on every re-run (it is not meant to resist anyone crafting collisions).
struct FNV1a: Sendable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var hash = value
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        value = hash
    }

    mutating func update(_ data: Data) {
        data.withUnsafeBytes { update($0) }
    }

    mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    /// A length-prefixed field, so that no two different field lists feed the same bytes.
    mutating func feed(_ field: String) {
        update(String(field.utf8.count) + ":")
        update(field)
    }

    /// Sixteen lowercase hex digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    static func hex(of text: String) -> String {
        var hash = FNV1a()
        hash.update(text)
        return hash.hex
    }
}
