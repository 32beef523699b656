import Foundation
import Testing
@testable import SheafKit

@Suite struct PackedListTests {
    static let headers = [
        ArticleHeader(id: "407787", channel: "73", title: "标题 one", date: ArticleDate(year: 2021, month: 1, day: 18),
                      source: "http://www.minghui.org/mh/articles/2021/1/18/407787.html", site: "明慧网",
                      files: ["mh-news/pages/73/407787.md", "mh-news/pages/74/407787.md"], size: 12_345),
        ArticleHeader(id: "", channel: "", title: "", date: nil, source: nil, site: nil, files: [], size: 0),
        ArticleHeader(id: "x", channel: "c", title: String(repeating: "长", count: 300),
                      date: ArticleDate(year: 1, month: 1, day: 1), source: "", site: "",
                      files: ["a"], size: Int.max),
    ]

    @Test func elementsReadBackEqualIncludingEmptyAndMissingFields() {
        let list = PackedList(Self.headers)
        #expect(list.count == 3)
        #expect(Array(list) == Self.headers)
        #expect(list[2].date == ArticleDate(year: 1, month: 1, day: 1))
        #expect(list[1].source == nil && list[2].source == "")
    }

    @Test func changesInPlaceAndRangeReplacementKeepTheOtherElements() {
        var list = PackedList(Self.headers)
        list[0].title = "retitled"
        #expect(list[0].title == "retitled" && list[0].files == Self.headers[0].files)
        list.reverse()
        #expect(list.map(\.id) == ["x", "", "407787"])
        list.removeFirst()
        list.append(Self.headers[2])
        #expect(list.map(\.id) == ["", "407787", "x"])
        let filtered = list.filter { !$0.id.isEmpty }
        #expect(filtered.map(\.id) == ["407787", "x"])
        list.removeAll()
        #expect(list.isEmpty)
        list.append(Self.headers[1])
        #expect(Array(list) == [Self.headers[1]])
    }

    @Test func joiningListsKeepsTheirElementsInOrder() {
        var lists = [PackedList(Self.headers.prefix(1)), [], PackedList(Self.headers.dropFirst())]
        let joined = PackedList(joining: &lists)
        #expect(Array(joined) == Self.headers)
        #expect(lists.allSatisfy { $0.isEmpty })
    }

    @Test func encodesAsTheArrayWouldAndDecodesBack() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let packed = try encoder.encode(PackedList(Self.headers))
        #expect(packed == (try encoder.encode(Self.headers)))
        #expect(try JSONDecoder().decode(PackedList<ArticleHeader>.self, from: packed) == PackedList(Self.headers))
    }

    @Test func reportLinesReadBackEqual() {
        let lines = [BuildReport.ArticleEntry(title: "t", date: "2021-01-18", source: nil, chapter: "text/c1.xhtml",
                                              files: ["a", "b"]),
                     BuildReport.ArticleEntry(title: "", date: nil, source: "s", chapter: "", files: [])]
        #expect(Array(PackedList(lines)) == lines)
    }
}

@Suite struct FirstIndexTableTests {
    @Test func keysThatShareAHashAreStillTold() {
        let keys = ["a", "b", "a", "c", "b"]
        var table = FirstIndexTable(hash: { _ in 7 })
        var firsts: [Int?] = []
        for (index, key) in keys.enumerated() {
            firsts.append(table.first(key) { keys[$0] })
            table.record(key, at: index) { keys[$0] }
        }
        #expect(firsts == [nil, nil, 0, nil, 1])
    }
}
