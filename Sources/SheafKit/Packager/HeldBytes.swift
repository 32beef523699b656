import Foundation

/// A file's bytes as a book holds them until the archive copies them: as they are, deflated in memory, or
/// deflated and set aside on disk. One value for the book's resources, the archive's entries and libzip's sources.
enum HeldBytes: Sendable, Equatable {
    case plain(Data)
    /// Deflated ahead (`RawDeflate`): libzip copies the bytes as they are.
    case deflated(RawDeflate)
    /// Deflated and set aside in a `PageSpill`.
    case spilled(SpilledPage)

    /// The bytes before compression (inflated again when held deflated: for checks and tests, not the writing
    /// path); empty when they cannot be read back.
    var contents: Data {
        switch self {
        case .plain(let data): return data
        case .deflated(let deflated): return (try? deflated.inflated()) ?? Data()
        case .spilled(let page): return (try? page.deflated().inflated()) ?? Data()
        }
    }

    /// The size before compression, without inflating.
    var size: Int {
        switch self {
        case .plain(let data): return data.count
        case .deflated(let deflated): return deflated.size
        case .spilled(let page): return page.size
        }
    }

    /// Whether the bytes are deflated already (then the archive entry is deflated, whatever else is asked).
    var isDeflated: Bool {
        if case .plain = self { return false }
        return true
    }

    static func == (left: HeldBytes, right: HeldBytes) -> Bool {
        switch (left, right) {
        case let (.plain(a), .plain(b)): return a == b
        case let (.deflated(a), .deflated(b)): return a == b
        case let (.spilled(a), .spilled(b)): return a.spill === b.spill && a.offset == b.offset
        default: return false
        }
    }
}
