import Testing
@testable import SheafKit

@Suite struct IndexSelectionTests {
    static let found = ["73", "19", "8"].map { IndexListing(name: $0, title: nil, file: "c/indexes/\($0).md", entries: []) }

    static func select(_ wanted: [String]?) -> (names: [String], missing: [String]) {
        let (indexes, missing) = IndexSelection(wanted: wanted).select(found, page: { "c/indexes/\($0).md" })
        #expect(missing.allSatisfy { $0.severity == .error && $0.message == "no such index page in the collection" })
        return (indexes.map(\.name), missing.map(\.file))
    }

    @Test func withoutIndexesAskedForEveryPageIsTaken() {
        #expect(Self.select(nil) == (["73", "19", "8"], []))
    }

    /// A page is named as the user wrote it (`73`, `indexes/8.md`, a full path); the collection's order is kept.
    @Test func thePagesAskedForAreTakenInTheCollectionsOrder() {
        #expect(Self.select(["indexes/8.md", "/x/indexes/73.md"]) == (["73", "8"], []))
    }

    @Test func aPageTheCollectionLacksIsAnError() {
        #expect(Self.select(["19", "7"]) == (["19"], ["c/indexes/7.md"]))
    }
}
