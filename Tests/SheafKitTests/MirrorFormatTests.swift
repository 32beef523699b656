import Foundation
import Testing
@testable import SheafKit

@Suite struct MirrorFormatTests {
    let mirror = MirrorFormat()

    @Test func collectionIsTheFolderAbovePages() {
        #expect(MirrorFormat.collectionName(of: "/x/mh-news/pages/73/1.md") == "mh-news")
        #expect(MirrorFormat.collectionName(of: "Samples/goodnews/pages/p1/951211.md") == "goodnews")
        #expect(MirrorFormat.collectionName(of: "/x/pages/mh-news/pages/73/1.md") == "mh-news")
        #expect(MirrorFormat.collectionName(of: "../shared/mh-news/./pages/73/1.md") == "mh-news")
        #expect(MirrorFormat.collectionName(of: "/x/other/../mh-news/pages/73/1.md") == "mh-news")
        #expect(MirrorFormat.collectionName(of: "/x/mh-news/73/1.md") == nil)
        // Nothing before pages/ in the path as written: the working folder's name.
        let here = InputPath.lastComponent(FileManager.default.currentDirectoryPath)
        #expect(MirrorFormat.collectionName(of: "pages/73/1.md") == here)
        #expect(MirrorFormat.collectionName(of: "./x/../pages/73/1.md") == here)
        #expect(MirrorFormat.collectionName(of: "/x/notes/1.md") == nil)
        #expect(MirrorFormat.collectionName(of: "/pages/73/1.md") == nil)
    }

    @Test func collectionRootKeepsThePathAsWritten() {
        #expect(MirrorFormat.collectionRoot(of: "Samples/mh-news/pages/73/1.md") == "Samples/mh-news")
        #expect(MirrorFormat.collectionRoot(of: "pages/73/1.md") == ".")
        #expect(MirrorFormat.collectionRoot(of: "/pages/73/1.md") == "/")
        #expect(MirrorFormat.collectionRoot(of: "notes/1.md") == nil)
    }

    @Test func theBodyPolicyDropsQRCodesAndReadsImagesFromTheCollectionRoot() {
        let policy = mirror.bodyPolicy(ofFile: "/data/mh-news/pages/73/1.md")
        #expect(policy.imageRoot == "/data/mh-news")
        #expect(policy.isFurniture(imageSource: "https://github.com/x/y/blob/master/pages/73/1.MD.png?raw=true"))
        #expect(!policy.isFurniture(imageSource: "photo.png"))
        #expect(mirror.bodyPolicy(ofFile: "/data/loose/1.md").imageRoot == "/data/loose")
    }

    @Test func recognisesArticlesByNameAndFurnitureToo() {
        #expect(mirror.recognises(name: "407787.md", firstBytes: nil) == .articles)
        #expect(mirror.recognises(name: "n1.Markdown", firstBytes: nil) == .articles)
        #expect(mirror.recognises(name: "000_2b4c.txt", firstBytes: nil) == .articles)
        #expect(mirror.recognises(name: "README.md", firstBytes: nil) == .furniture)
        #expect(mirror.recognises(name: "index.md", firstBytes: nil) == .furniture)
        #expect(mirror.recognises(name: "407787.md.png", firstBytes: nil) == .furniture)
        #expect(mirror.recognises(name: "a.docx", firstBytes: nil) == .unknown)
    }

    @Test func recognisesAPageWithAnotherNameByItsFirstBytes() {
        #expect(mirror.recognises(name: "saved.html", firstBytes: Array("\u{FEFF}\n### Title\n<p>x</p>".utf8)) == .articles)
        #expect(mirror.recognises(name: "page", firstBytes: Array("<div>x</div>".utf8)) == .articles)
        #expect(mirror.recognises(name: "a.docx", firstBytes: [0x50, 0x4B, 0x03, 0x04, 0, 0]) == .unknown)
        #expect(mirror.recognises(name: "notes", firstBytes: Array("plain words".utf8)) == .unknown)
    }

    @Test func aHeaderCarriesTheFormatTheFolderAndTheGroupingKeys() throws {
        let path = EndToEndTests.repository.appendingPathComponent("Samples/mh-news/pages/19/418414.md").path
        var read: [Article] = []
        InputDoor.standard.readArticles(in: InputFile(path: path, format: "mirror")) { read.append(try! $0.get()) }
        let header = try #require(read.first)
        #expect(read.count == 1)
        #expect(header.header.format == "mirror")
        #expect(header.header.folder == "19")
        #expect(header.header.channel == "19")
        #expect(header.header.entry == "")
        #expect(header.header.feed == nil)
        #expect(header.header.authors == [])
        #expect(header.header.tags == [])
        #expect(header.header.language == nil)
        #expect(header.header.site == "明慧网")
        #expect(header.header.reference == EntryReference(file: path))
        let body = try InputDoor.standard.loadBody(of: header.header).get()
        #expect(body.html == header.bodyHTML)
        #expect(body.base == path)
    }
}
