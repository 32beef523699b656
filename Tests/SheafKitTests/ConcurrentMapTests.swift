import Testing
@testable import SheafKit

@Suite struct ConcurrentMapTests {
    @Test(arguments: [1, 2, 7, 100])
    func keepsInputOrderWhateverTheLimit(limit: Int) async {
        let input = Array(0..<50)
        var finished: [Int] = []
        let output = await input.concurrentMap(limit: limit) { n in
            // Uneven work, so completions arrive out of order when limit > 1.
            var x = 0
            for i in 0..<((50 - n) * 200) { x &+= i }
            return (n, x)
        } onEach: { done, _ in
            finished.append(done)
        }
        #expect(output.map(\.0) == input)
        #expect(finished == Array(1...50))
    }

    @Test func emptyInputGivesEmptyOutput() async {
        let output = await [Int]().concurrentMap(limit: 4) { $0 * 2 }
        #expect(output.isEmpty)
    }

    @Test(arguments: [1, 2, 3, 100])
    func parallelMapKeepsInputOrderWhateverTheJobs(jobs: Int) {
        let input = Array(0..<200)
        let output = input.parallelMap(jobs: jobs) { n in
            // Uneven work, so elements finish out of order when jobs > 1.
            var x = 0
            for i in 0..<((200 - n) * 100) { x &+= i }
            return (n, x)
        }
        #expect(output.map(\.0) == input)
        #expect(output.map(\.1) == input.map { n in (0..<((200 - n) * 100)).reduce(0, &+) })
    }

    @Test func parallelMapOfNothingIsNothing() {
        #expect([Int]().parallelMap(jobs: 4) { $0 * 2 }.isEmpty)
    }
}
