import Foundation

/// Caps on one book: how many articles and how many bytes of article HTML it may hold.
public struct VolumeLimits: Sendable, Equatable, Codable {
    /// At most this many articles per book; nil for no cap.
    public var maxArticles: Int?
    /// At most this many bytes of article HTML per book; nil for no cap.
    public var maxSize: Int?

    /// 50 MB of article HTML: a text book that size compresses far below the 50 MB that e-mail delivery to
    /// Kindle accepts.
    public static let defaultMaxSize = 50_000_000

    /// Limits of at most `maxArticles` articles and `maxSize` bytes of article HTML per book (nil: none).
    public init(maxArticles: Int? = nil, maxSize: Int? = VolumeLimits.defaultMaxSize) {
        self.maxArticles = maxArticles
        self.maxSize = maxSize
    }

    /// The articles cut into as few contiguous runs as the caps allow, balanced so that the largest part is as
    /// small as it can be; an article is never split, so an article larger than `maxSize` stands alone.
    func parts(of articles: [ArticleHeader]) -> [[ArticleHeader]] {
        guard !articles.isEmpty else { return [] }
        let sizes = articles.map { max(1, $0.size) }
        let cap = maxSize.flatMap { $0 > 0 ? $0 : nil } ?? sizes.reduce(0, +)
        // Greedy filling up to the cap gives the fewest parts; then the smallest capacity that still needs no
        // more parts (binary search) spreads the articles evenly across them.
        let fewest = cuts(sizes, capacity: cap).count
        guard fewest > 1 else { return [articles] }
        // First choice: cut where the running size is nearest to each k-th of the total.
        let even = evenCuts(sizes, into: fewest)
        if even.allSatisfy({ fits(sizes[$0], capacity: cap) }) { return even.map { Array(articles[$0]) } }
        var low = 1, high = cap
        while low < high {
            let middle = low + (high - low) / 2
            if cuts(sizes, capacity: middle).count <= fewest { high = middle } else { low = middle + 1 }
        }
        return cuts(sizes, capacity: low).map { Array(articles[$0]) }
    }

    /// `count` contiguous ranges, each ending where the running size comes nearest to its share of the total.
    private func evenCuts(_ sizes: [Int], into count: Int) -> [Range<Int>] {
        let total = sizes.reduce(0, +)
        var ranges: [Range<Int>] = []
        var start = 0
        var running = 0
        for part in 1..<count {
            let target = total * part / count
            var end = start + 1
            running += sizes[start]
            // Leave at least one article for each remaining part.
            while end < sizes.count - (count - part), abs(running + sizes[end] - target) < abs(running - target) {
                running += sizes[end]
                end += 1
            }
            ranges.append(start..<end)
            start = end
        }
        ranges.append(start..<sizes.count)
        return ranges
    }

    private func fits(_ sizes: ArraySlice<Int>, capacity: Int) -> Bool {
        sizes.count <= (maxArticles ?? .max) && (sizes.count == 1 || sizes.reduce(0, +) <= capacity)
    }

    /// Contiguous ranges filled greedily: a new part starts when the next article would pass `capacity` bytes
    /// or `maxArticles` articles.
    private func cuts(_ sizes: [Int], capacity: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var running = 0
        for (index, size) in sizes.enumerated() {
            let full = index > start && (running + size > capacity || index - start == (maxArticles ?? .max))
            if full {
                ranges.append(start..<index)
                start = index
                running = 0
            }
            running += size
        }
        ranges.append(start..<sizes.count)
        return ranges
    }

    /// Parses a size such as `50MB`, `800 KB`, `1.5GB`, `20MiB` or `1048576B`. A bare number is refused: `10`
    /// meant as megabytes would otherwise cap books at ten bytes.
    public static func size(_ text: String) throws -> Int {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isNumber || $0 == "." }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces).lowercased()
        if unit.isEmpty, Double(digits) != nil {
            throw SheafError(stage: .collect, "'\(text)' has no unit: give one, e.g. \(digits)MB, \(digits)KB or "
                             + "\(digits)MiB (\(digits)B for bytes)")
        }
        let multipliers: [String: Double] = ["b": 1, "k": 1e3, "kb": 1e3, "m": 1e6, "mb": 1e6, "g": 1e9, "gb": 1e9,
                                             "kib": 1024, "mib": 1_048_576, "gib": 1_073_741_824]
        guard let value = Double(digits), let multiplier = multipliers[unit], value * multiplier >= 1,
              value * multiplier < 1e15 else {
            throw SheafError(stage: .collect, "'\(text)' is not a size such as 50MB, 800KB or 20MiB")
        }
        return Int(value * multiplier)
    }
}
