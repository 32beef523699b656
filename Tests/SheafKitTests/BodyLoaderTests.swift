import Testing
@testable import SheafKit

@Suite struct BodyLoaderTests {
    static let header = ArticleHeader(id: "1", channel: "73", title: "t", date: nil, source: nil, site: nil,
                                      files: ["/nonexistent/pages/73/1.md", "/nonexistent/pages/19/1.md"], size: 10)

    @Test func aBodyTheFirstPassKeptIsNotReadAgain() {
        guard case .body(let body) = BodyLoader(readBodies: [Self.header.files[0]: "<p>x</p>"]).body(of: Self.header)
        else { Issue.record("not loaded"); return }
        #expect(body.html == "<p>x</p>" && body.base == Self.header.files[0])
    }

    @Test func aFileGoneSinceTheFirstPassIsAWarningForEachMergedFile() {
        guard case .unread(let reasons) = BodyLoader().body(of: Self.header) else { Issue.record("loaded"); return }
        #expect(reasons.map(\.file) == Self.header.files && reasons.allSatisfy { $0.severity == .warning })
    }
}
