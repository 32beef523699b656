import Foundation

/// A 64-bit FNV-1a hash taken eight bytes at a time (the tail byte by byte, so inputs under eight bytes
/// hash as plain FNV-1a): fast enough to hash every article body on every re-run, where SHA-256 would cost
/// too much, and good enough to notice that bytes changed (it does not resist anyone crafting collisions).
struct FNV1a: Sendable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        let prime: UInt64 = 0x0000_0100_0000_01B3
        var hash = value
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* prime
            // A product carries differences only upwards: fold the high half back so none is lost.
            hash ^= hash >> 32
            offset += 8
        }
        while offset < bytes.count {
            hash = (hash ^ UInt64(bytes[offset])) &* prime
            offset += 1
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
