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
}
