import Foundation
import Testing
@testable import SheafKit

@Suite struct BuildReportTests {
    static let lines = [BuildReport.ArticleEntry(title: "一", date: "2021-01-18", source: nil, chapter: "text/c0001.xhtml",
                                                 files: ["pages/73/1.md"]),
                        BuildReport.ArticleEntry(title: "two", date: nil, source: "https://e.org/2", chapter: "",
                                                 files: ["pages/73/2.md", "pages/19/2.md"])]

    static let report = BuildReport(volumes: [BuildReport.VolumeEntry(file: "b/x.epub", title: "x", identifier: "urn:uuid:1",
                                                                     status: .written, error: nil, articles: PackedList(lines))],
                                    skipped: [], notes: [])

    /// A volume's lines are a plain array to the report's readers, and counted without unpacking.
    @Test func aVolumeGivesItsArticleLinesAsAnArray() {
        let lines: [BuildReport.ArticleEntry] = Self.report.volumes[0].articles
        #expect(lines == Self.lines)
        #expect(Self.report.articleCount == 2)
    }

    /// The `--report` JSON keeps `articles` for each volume, and reads back equal.
    @Test func jsonNamesTheArticlesAndReadsBack() throws {
        let data = try JSONEncoder().encode(Self.report)
        let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let volumes = try #require(object["volumes"] as? [[String: Any]])
        #expect((volumes[0]["articles"] as? [[String: Any]])?.map { $0["title"] as? String } == ["一", "two"])
        #expect(try JSONDecoder().decode(BuildReport.self, from: data) == Self.report)
    }
}
