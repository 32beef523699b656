import Foundation

/// The cover step of making a volume: its generated cover (title, date range and collection), drawn on a thread
/// of its own beside the articles. Nil when it cannot be drawn: the assembler then draws it again, and reports why.
struct CoverStep: Sendable {
    let volume: Volume

    init(_ volume: Volume) { self.volume = volume }

    func draw() -> Data? {
        try? BookCover.generated(for: volume)
    }
}
