import Foundation

extension Array where Element: Sendable {
    /// Maps the elements with at most `limit` transforms running at once; results keep the input order.
    /// `onEach` runs on the calling task, one call at a time, as each element finishes.
    /// Consumes the array: each element is let go once its transform has it, so a caller that gives up its own
    /// copy (`(consume volumes).concurrentMap…`) holds only the elements not yet started.
    consuming func concurrentMap<T: Sendable>(
        limit: Int,
        _ transform: @escaping @Sendable (Element) async -> T,
        onEach: (Int, T) -> Void = { _, _ in }
    ) async -> [T] {
        var pending: [Element?] = map { $0 }
        self = []
        return await withTaskGroup(of: (Int, T).self) { group in
            var results = [T?](repeating: nil, count: pending.count)
            var next = 0
            var done = 0
            func start() {
                let index = next
                next += 1
                guard let element = pending[index].take() else { return }
                group.addTask { (index, await transform(element)) }
            }
            while next < Swift.min(Swift.max(1, limit), pending.count) { start() }
            while let (index, value) = await group.next() {
                results[index] = value
                done += 1
                onEach(done, value)
                if next < pending.count { start() }
            }
            return results.compactMap { $0 }
        }
    }
}

extension Array where Element: Sendable {
    /// Maps the elements on up to `jobs` threads (the calling one among them), each taking the next element
    /// as it finishes one; results keep the input order, so they are the same whatever `jobs` is.
    /// For synchronous, CPU-bound work inside one task (the articles of one large volume).
    func parallelMap<T: Sendable>(jobs: Int, _ transform: @escaping @Sendable (Element) -> T) -> [T] {
        let threads = Swift.min(Swift.max(1, jobs), count)
        guard threads > 1 else { return map(transform) }
        let slots = OrderedSlots<T>(count: count)
        let elements = self
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let index = slots.claim() {
                slots.set(index, transform(elements[index]))
            }
        }
        return slots.all
    }
}

/// The results of `parallelMap`: the next index to claim and one slot per element, under one lock.
private final class OrderedSlots<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var slots: [T?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// The next element no thread has taken yet, or nil when all are taken.
    func claim() -> Int? {
        lock.withLock {
            guard next < slots.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func set(_ index: Int, _ value: T) {
        lock.withLock { slots[index] = value }
    }

    var all: [T] {
        lock.withLock { slots.compactMap { $0 } }
    }
}
