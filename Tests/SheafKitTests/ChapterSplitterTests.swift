import Testing
@testable import SheafKit

@Suite struct ChapterSplitterTests {
    @Test func fitsEverythingInOnePartWhenSmall() {
        #expect(ChapterSplitter.parts(blockSizes: [10, 10, 10], limit: 100, firstOverhead: 20, laterOverhead: 10) == [0..<3])
        #expect(ChapterSplitter.parts(blockSizes: [], limit: 100, firstOverhead: 20, laterOverhead: 10) == [0..<0])
    }

    @Test func cutsGreedilyCountingEachPartsOverhead() {
        // First part: 20 + 30 + 30 = 80, a third block would make 110. Later parts: 10 + 30 + 30 + 30 = 100.
        #expect(ChapterSplitter.parts(blockSizes: Array(repeating: 30, count: 7), limit: 100, firstOverhead: 20,
                                      laterOverhead: 10) == [0..<2, 2..<5, 5..<7])
    }

    @Test func oversizedBlockStaysWholeInItsOwnPart() {
        #expect(ChapterSplitter.parts(blockSizes: [30, 500, 30], limit: 100, firstOverhead: 20, laterOverhead: 10)
            == [0..<1, 1..<2, 2..<3])
        #expect(ChapterSplitter.parts(blockSizes: [500], limit: 100, firstOverhead: 20, laterOverhead: 10) == [0..<1])
    }
}
