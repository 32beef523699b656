import Foundation
import Testing
@testable import SheafKit

@Suite struct VolumeTests {
    static let headers = (1...3).map { index in
        ArticleHeader(id: String(index), channel: "73", title: "第\(index)篇", date: nil, source: nil, site: nil,
                      files: ["pages/73/\(index).md"], size: 100 * index)
    }

    static let volume = Volume(key: "all", title: "t", subtitle: nil, collection: "c", fileName: "c.epub",
                               language: "zh", sections: [VolumeSection(title: "一", articles: headers.prefix(2)),
                                                          VolumeSection(title: "二", articles: headers.suffix(1))])

    /// Others see a section's articles as a plain array: how the plan packs them stays inside SheafKit.
    @Test func aSectionGivesItsArticlesAsAnArray() {
        var section = Self.volume.sections[0]
        let articles: [ArticleHeader] = section.articles
        #expect(articles.map(\.id) == ["1", "2"])
        section.articles[1].title = "改"
        #expect(section.articles.map(\.title) == ["第1篇", "改"])
    }

    @Test func countsAndSizesAreReadWithoutChange() {
        #expect(Self.volume.articleCount == 3)
        #expect(Self.volume.articleBytes == 600)
        #expect(Self.volume.articles.map(\.id) == ["1", "2", "3"])
    }

    /// The plan's JSON keeps `articles` as an array of headers, and reads back equal.
    @Test func jsonNamesTheArticlesAndReadsBack() throws {
        let data = try JSONEncoder().encode(Self.volume)
        let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let sections = try #require(object["sections"] as? [[String: Any]])
        #expect((sections[0]["articles"] as? [Any])?.count == 2)
        #expect(try JSONDecoder().decode(Volume.self, from: data) == Self.volume)
    }
}
