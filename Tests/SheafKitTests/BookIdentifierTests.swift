import Testing
@testable import SheafKit

@Suite struct BookIdentifierTests {
    @Test func isAStableVersion8UUID() {
        let identifier = BookIdentifier.identifier(for: SampleVolume.flat)
        #expect(identifier == BookIdentifier.identifier(for: SampleVolume.flat))
        let uuid = identifier.dropFirst("urn:uuid:".count)
        #expect(identifier.hasPrefix("urn:uuid:"))
        #expect(uuid.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
        #expect(uuid.allSatisfy { "0123456789abcdef-".contains($0) })
        #expect(Array(uuid)[14] == "8")
        #expect("89ab".contains(Array(uuid)[19]))
    }

    /// The identifier of a volume stays what earlier builds gave it (the same SHA-256 digests), so a rebuilt
    /// book keeps its identity in readers' libraries.
    @Test func staysWhatEarlierBuildsGave() {
        #expect(BookIdentifier.identifier(for: SampleVolume.flat) == "urn:uuid:79e6857a-a98f-87df-b374-5a06a434268d")
    }

    @Test func ignoresPresentationButNotContent() {
        let base = SampleVolume.flat
        var retitled = base
        retitled.title = "Another title"
        retitled.subtitle = nil
        #expect(BookIdentifier.identifier(for: retitled) == BookIdentifier.identifier(for: base))

        var changes: [Volume] = []
        var other = base; other.collection = "other"; changes.append(other)
        other = base; other.key = "2021-W04"; changes.append(other)
        other = base; other.sections[0].articles[1].id = "999"; changes.append(other)
        other = base; other.sections[0].articles[1].source = "http://elsewhere/"; changes.append(other)
        other = base; other.sections[0].articles.reverse(); changes.append(other)
        other = base; other.sections[0].articles.removeLast(); changes.append(other)
        let identifiers = Set(changes.map(BookIdentifier.identifier(for:)) + [BookIdentifier.identifier(for: base)])
        #expect(identifiers.count == changes.count + 1)
    }

    @Test func fieldBoundariesMatter() {
        var a = SampleVolume.flat
        var b = SampleVolume.flat
        a.collection = "ab"; a.key = "c"
        b.collection = "a"; b.key = "bc"
        #expect(BookIdentifier.identifier(for: a) != BookIdentifier.identifier(for: b))
    }
}
