import Testing
@testable import SheafKit

@Suite struct ReplaceImagesTests {
    let chinese = ReplaceImages(language: "zh", source: "https://www.minghui.org/mh/articles/2021/1/18/1.html")

    @Test func remoteImagesBecomePlaceholdersWithTheirLink() {
        let html = "<p><img src='//x.org/a.jpg' alt=' 近期，\n官媒 '/><img src='data:image/png;base64,AAAA'/></p>"
        #expect(rewritten(html, by: ReplaceImages(language: "zh-Hans"))
            == "<p><span class=\"image-missing\">［<a href=\"https://x.org/a.jpg\">图片</a>：近期， 官媒］</span>"
            + "<span class=\"image-missing\">［图片］</span></p>")
        #expect(rewritten("<p><img src='//x.org/a.jpg' alt='photo'/></p>", by: ReplaceImages(language: "en"))
            == "<p><span class=\"image-missing\">[<a href=\"https://x.org/a.jpg\">Image</a>: photo]</span></p>")
    }

    @Test func relativeAndRootRelativeSourcesResolveAgainstTheArticle() {
        #expect(rewritten("<p><img src='/mh/a.jpg'/><img src='b.png' alt='b'/></p>", by: chinese)
            == "<p><span class=\"image-missing\">［<a href=\"https://www.minghui.org/mh/a.jpg\">图片</a>］</span>"
            + "<span class=\"image-missing\">［<a href=\"https://www.minghui.org/mh/articles/2021/1/18/b.png\">图片</a>：b］</span></p>")
    }

    @Test func aThumbnailLinkedToItsPictureIsOnePlaceholderLinkingTheFullSize() {
        let html = "<p><a href='http://x.org/big.JPG?v=1'> <img src='small.jpg' alt='图'/> </a></p>"
        #expect(rewritten(html, by: chinese)
            == "<p><span class=\"image-missing\">［<a href=\"http://x.org/big.JPG?v=1\">图片</a>：图］</span></p>")
    }

    @Test func aLinkToAPageKeepsItsPlaceholder() {
        let html = "<p><a href='http://x.org/article.html'><b><img src='/a.jpg' alt='a'/></b></a></p>"
        #expect(rewritten(html, by: chinese)
            == "<p><a href=\"http://x.org/article.html\"><b><span class=\"image-missing\">［图片：a］</span></b></a></p>")
    }

    @Test func dataPicturesAreStoredWhateverTheirDeclaredType() throws {
        let uri = TestImages.uri(TestImages.jpeg, declaring: "image/png")
        guard case .picture(let picture) = DataImage.decode(uri) else { throw DecodingFailure() }
        #expect(picture.name.hasSuffix(".jpg"))
        #expect(rewritten("<p>a<img src='\(uri)' alt='图' width='300' style='x'/>b</p>", by: chinese)
            == "<p>a<img alt=\"图\" src=\"\(picture.chapterSource)\"/>b</p>")
    }

    @Test func aDataThumbnailInALinkIsOneImage() throws {
        let uri = TestImages.uri(TestImages.png)
        guard case .picture(let picture) = DataImage.decode(uri) else { throw DecodingFailure() }
        #expect(rewritten("<p><a href='http://x.org/big.png'><img src='\(uri)'/></a></p>", by: chinese)
            == "<p><img alt=\"\" src=\"\(picture.chapterSource)\"/></p>")
    }

    @Test func corruptDataBecomesAPlaceholderAndPixelsGo() {
        #expect(rewritten("<p><img src='data:image/png;base64,@@' alt='x'/><img src='\(TestImages.uri(TestImages.pixel))'/></p>",
                          by: chinese) == "<p><span class=\"image-missing\">［图片：x］</span></p>")
    }

    @Test func lazyLoadedImagesUseTheirRealAddress() {
        let html = "<p><img src='\(TestImages.uri(TestImages.gif))' data-src='https://x.org/real.jpg'/></p>"
        #expect(rewritten(html, by: chinese)
            == "<p><span class=\"image-missing\">［<a href=\"https://x.org/real.jpg\">图片</a>］</span></p>")
    }

    @Test func imagesWithNothingToShowGo() {
        #expect(rewritten("<p>a<img/>b<img src='javascript:x'/>c</p>", by: chinese)
            == "<p>ab<span class=\"image-missing\">［图片］</span>c</p>")
    }

    struct DecodingFailure: Error {}

    @Test func anAltTextTheCaptionRepeatsIsNotShownTwice() {
        // The caption right after the picture, the same words or the same start.
        #expect(rewritten("<p><img src='//x.org/a.jpg' alt='图1：学员在集会上'/><br/>图1：学员在集会上</p>", by: chinese)
            == "<p><span class=\"image-missing\">［<a href=\"https://x.org/a.jpg\">图片</a>］</span><br/>图1：学员在集会上</p>")
        #expect(rewritten("<p><img src='//x.org/a.jpg' alt='近期，官媒报导指，只需花2元（人民币）钱就可以买到'/></p>"
                          + "<p>近期，官媒报导指，只需花2元就可以买到上千张人脸照片</p>", by: chinese)
            == "<p><span class=\"image-missing\">［<a href=\"https://x.org/a.jpg\">图片</a>］</span></p>"
            + "<p>近期，官媒报导指，只需花2元就可以买到上千张人脸照片</p>")
        // Words the text after does not say are kept.
        #expect(rewritten("<p><img src='//x.org/a.jpg' alt='学员在集会上'/></p><p>另一段文字。</p>", by: chinese)
            == "<p><span class=\"image-missing\">［<a href=\"https://x.org/a.jpg\">图片</a>：学员在集会上］</span></p><p>另一段文字。</p>")
    }
}
