import Testing
@testable import SheafKit

@Suite struct ReplaceImagesTests {
    @Test func imagesBecomePlaceholdersWordedByLanguage() {
        let html = "<p><img src='//x.org/a.jpg' alt=' 近期，\n官媒 '/><img src='data:image/png;base64,AAAA'/></p>"
        #expect(rewritten(html, by: ReplaceImages(language: "zh-Hans"))
            == "<p><span class=\"image-missing\">［图片：近期， 官媒］</span><span class=\"image-missing\">［图片］</span></p>")
        #expect(rewritten(html, by: ReplaceImages(language: "en"))
            == "<p><span class=\"image-missing\">[Image: 近期， 官媒]</span><span class=\"image-missing\">[Image]</span></p>")
    }

    @Test func aThumbnailLinkedToItsPictureIsOnePlaceholder() {
        let html = "<p><a href='http://x.org/big.JPG?v=1'> <img src='small.jpg' alt='图'/> </a></p>"
        #expect(rewritten(html, by: ReplaceImages(language: "zh")) == "<p><span class=\"image-missing\">［图片：图］</span></p>")
    }

    @Test func aLinkToAPageKeepsItsPlaceholder() {
        let html = "<p><a href='http://x.org/article.html'><img src='small.jpg'/></a></p>"
        #expect(rewritten(html, by: ReplaceImages(language: "zh"))
            == "<p><a href=\"http://x.org/article.html\"><span class=\"image-missing\">［图片］</span></a></p>")
    }

    @Test func imagesWithNothingToShowGo() {
        #expect(rewritten("<p>a<img/>b</p>", by: ReplaceImages(language: "zh")) == "<p>ab</p>")
    }
}
