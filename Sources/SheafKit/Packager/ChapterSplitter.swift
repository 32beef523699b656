/// Decides where a long chapter is cut: between blocks, so each part stays under a byte limit.
enum ChapterSplitter {
    /// Consecutive block ranges covering all blocks. A part holds as many blocks as fit in `limit` bytes
    /// together with its page overhead; a block larger than the limit gets a part of its own, whole.
    /// `blockSizes` are the bytes each block adds; overheads are the bytes of an empty first/later part.
    static func parts(blockSizes: [Int], limit: Int, firstOverhead: Int, laterOverhead: Int) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = 0
        var size = firstOverhead
        for (index, blockSize) in blockSizes.enumerated() {
            if index > start, size + blockSize > limit {
                parts.append(start..<index)
                start = index
                size = laterOverhead
            }
            size += blockSize
        }
        parts.append(start..<blockSizes.count)
        return parts
    }
}
