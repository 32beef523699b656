import Testing
@testable import SheafKit

@Suite struct SavedPageTests {
    @Test func singleFilesCommentGivesTheAddressAndTheDaySaved() {
        let page = """
            <!DOCTYPE html> <html lang="en"><!--
             Page saved with SingleFile 
             url: https://news.example.com/2020/story 
             saved date: Tue Nov 17 2020 12:34:56 GMT+0100 (Central European Standard Time)
            --><head>
            """
        let facts = SavedPage.facts(in: Array(page.utf8))
        #expect(facts.url == "https://news.example.com/2020/story")
        #expect(facts.date == ArticleDate(year: 2020, month: 11, day: 17))
    }

    @Test func aBrowsersSavedFromCommentGivesTheAddress() {
        let facts = SavedPage.facts(in: Array("<!-- saved from url=(0031)https://example.org/a/b.html -->\n<html>".utf8))
        #expect(facts.url == "https://example.org/a/b.html")
        #expect(facts.date == nil)
        #expect(SavedPage.facts(in: Array("<html><p>url: nothing here</p>".utf8)) == SavedPage.Facts())
    }

    @Test func aWgetMirrorsFoldersGiveTheAddress() {
        #expect(SavedPage.url(ofMirroredFile: "/m/www.example.co.uk/2020/05/18/story.html")
                == "https://www.example.co.uk/2020/05/18/story.html")
        #expect(SavedPage.url(ofMirroredFile: "/home/ann/saved/story.html") == nil)
        #expect(SavedPage.url(ofMirroredFile: "/home/ann/Story_files.html") == nil)
        #expect(!SavedPage.isHostName("page.html"))
        #expect(SavedPage.isHostName("news.example.com"))
    }
}
