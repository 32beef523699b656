extension Array where Element: Sendable {
    /// Maps the elements with at most `limit` transforms running at once; results keep the input order.
    /// `onEach` runs on the calling task, one call at a time, as each element finishes.
    func concurrentMap<T: Sendable>(
        limit: Int,
        _ transform: @escaping @Sendable (Element) async -> T,
        onEach: (Int, T) -> Void = { _, _ in }
    ) async -> [T] {
        await withTaskGroup(of: (Int, T).self) { group in
            var results = [T?](repeating: nil, count: count)
            var next = 0
            var done = 0
            while next < Swift.min(Swift.max(1, limit), count) {
                let index = next
                let element = self[index]
                group.addTask { (index, await transform(element)) }
                next += 1
            }
            while let (index, value) = await group.next() {
                results[index] = value
                done += 1
                onEach(done, value)
                if next < count {
                    let index = next
                    let element = self[index]
                    group.addTask { (index, await transform(element)) }
                    next += 1
                }
            }
            return results.compactMap { $0 }
        }
    }
}
