import Testing
@testable import SheafKit

@Suite struct SheafPipelineTests {
    @Test func collectionIsTheFolderAbovePages() {
        #expect(SheafPipeline.collectionName(of: "/x/mh-news/pages/73/1.md") == "mh-news")
        #expect(SheafPipeline.collectionName(of: "Samples/goodnews/pages/p1/951211.md") == "goodnews")
        #expect(SheafPipeline.collectionName(of: "/x/pages/mh-news/pages/73/1.md") == "mh-news")
        #expect(SheafPipeline.collectionName(of: "/x/notes/1.md") == nil)
        #expect(SheafPipeline.collectionName(of: "/pages/73/1.md") == nil)
    }

    @Test func collectionRootKeepsThePathAsWritten() {
        #expect(SheafPipeline.collectionRoot(of: "Samples/mh-news/pages/73/1.md") == "Samples/mh-news")
        #expect(SheafPipeline.collectionRoot(of: "pages/73/1.md") == ".")
        #expect(SheafPipeline.collectionRoot(of: "/pages/73/1.md") == "/")
        #expect(SheafPipeline.collectionRoot(of: "notes/1.md") == nil)
    }
}
