import Foundation
import Testing
@testable import SheafKit

@Suite struct FileNameClashesTests {
    static func volume(_ fileName: String, key: String, collection: String = "mh-news") -> Volume {
        Volume(key: key, title: key, subtitle: nil, collection: collection, fileName: fileName, language: "zh",
               sections: [])
    }

    static func names(_ volumes: [Volume], taken: Set<String> = []) -> [String] {
        var notes: [Diagnostic] = []
        let resolved = FileNameClashes.resolve(volumes, taken: taken, notes: &notes)
        let renamed = zip(volumes, resolved).filter { $0.0.fileName != $0.1.fileName }.count
        #expect(notes.count == renamed)
        return resolved.map(\.fileName)
    }

    @Test func aPatternWithoutKeyGetsEachBooksKey() {
        let volumes = ["2021-W02", "2021-W03"].map { Self.volume("mh-news-weekly.epub", key: $0) }
        #expect(Self.names(volumes) == ["mh-news-weekly-2021-W02.epub", "mh-news-weekly-2021-W03.epub"])
    }

    @Test func keysThatSlugAlikeEndWithANumber() {
        // Channels `a b` and `a-b`: the same name, and the same name again with their keys.
        let volumes = [Self.volume("mh-news-channel-a-b.epub", key: "channel-a b"),
                       Self.volume("mh-news-channel-a-b.epub", key: "channel-a-b")]
        #expect(Self.names(volumes) == ["mh-news-channel-a-b.epub", "mh-news-channel-a-b-2.epub"])
    }

    @Test func namesThatDifferOnlyInCaseClash() {
        let volumes = [Self.volume("mh-news-channel-A.kepub.epub", key: "channel-A"),
                       Self.volume("mh-news-channel-a.kepub.epub", key: "channel-a")]
        #expect(Self.names(volumes) == ["mh-news-channel-A.kepub.epub", "mh-news-channel-a-2.kepub.epub"])
    }

    @Test func aNumberNeverTakesANameAnotherBookHas() {
        let volumes = [Self.volume("x.epub", key: "k"), Self.volume("x.epub", key: "k"), Self.volume("X-2.epub", key: "j")]
        #expect(Self.names(volumes) == ["x.epub", "x-3.epub", "X-2.epub"])
    }

    @Test func namesAlreadyOwnedInTheFolderAreAvoided() {
        let volumes = [Self.volume("mh-news-2021-W03.epub", key: "2021-W03"), Self.volume("mh-news-2021-W04.epub", key: "2021-W04")]
        #expect(Self.names(volumes, taken: ["mh-news-2021-w03.epub", "mh-news-2021-w03-2.epub"])
                == ["mh-news-2021-W03-3.epub", "mh-news-2021-W04.epub"])
    }

    @Test func everyNameIsUniqueCaseFoldedWhateverTheInput() {
        var random = SplitMix64(seed: 13)
        for _ in 0..<200 {
            let volumes = (0..<8).map { _ in
                Self.volume(["x.epub", "X.epub", "x-2.epub", "x-x.epub", "y.kepub.epub"][Int(random.next() % 5)],
                            key: ["x", "X", "2", "x x"][Int(random.next() % 4)],
                            collection: ["c", "C"][Int(random.next() % 2)])
            }
            let taken: Set<String> = random.next() % 2 == 0 ? ["x-2.epub"] : []
            let names = Self.names(volumes, taken: taken).map { $0.lowercased() }
            #expect(Set(names).count == names.count, "\(names)")
            #expect(taken.isDisjoint(with: names))
            #expect(Self.names(volumes, taken: taken).map { $0.lowercased() } == names)
        }
    }
}
