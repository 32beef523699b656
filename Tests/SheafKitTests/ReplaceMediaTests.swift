import Testing
@testable import SheafKit

@Suite struct ReplaceMediaTests {
    let chinese = ReplaceMedia(language: "zh", source: "https://www.minghui.org/mh/articles/2021/1/18/1.html")
    let english = ReplaceMedia(language: "en", source: "https://example.org/news/1.html")

    @Test func aVideoBecomesAPlaceholderLinkingItsSource() {
        let html = "<p><video controls width='580'><source src='http://media4.minghui.org/v/a.mp4' type='video/mp4'/>"
            + "Your browser does not support the video tag.</video></p>"
        #expect(rewritten(html, by: chinese) == "<p><span class=\"media-missing\">［视频］ "
            + "<a href=\"http://media4.minghui.org/v/a.mp4\">http://media4.minghui.org/v/a.mp4</a></span></p>")
        #expect(rewritten("<video src='/v/b.mp4'></video>", by: english) == "<span class=\"media-missing\">[Video] "
            + "<a href=\"https://example.org/v/b.mp4\">https://example.org/v/b.mp4</a></span>")
    }

    @Test func audioAndIframesGetTheirOwnWordsAndTitles() {
        #expect(rewritten("<audio><source src='a.mp3'></audio>", by: english) == "<span class=\"media-missing\">[Audio] "
            + "<a href=\"https://example.org/news/a.mp3\">https://example.org/news/a.mp3</a></span>")
        let frame = "<iframe src='https://www.youtube.com/embed/8yCD' title='YouTube video player'></iframe>"
        #expect(rewritten(frame, by: chinese) == "<span class=\"media-missing\">［嵌入内容：YouTube video player］ "
            + "<a href=\"https://www.youtube.com/embed/8yCD\">https://www.youtube.com/embed/8yCD</a></span>")
        #expect(rewritten("<audio src='x.mp3'></audio>", by: ReplaceMedia(language: "zh")) == "<span class=\"media-missing\">［音频］</span>")
    }

    @Test func aPosterIsTheLinkWhenTheVideoHasNoAddress() {
        #expect(rewritten("<video poster='//x.org/p.jpg'></video>", by: english)
            == "<span class=\"media-missing\">[Video] <a href=\"https://x.org/p.jpg\">https://x.org/p.jpg</a></span>")
    }

    @Test func mediaWithoutAnyAddressStillLeavesANote() {
        #expect(rewritten("<p>a<video></video>b</p>", by: english) == "<p>a<span class=\"media-missing\">[Video]</span>b</p>")
        #expect(rewritten("<video src='javascript:play()'></video>", by: chinese) == "<span class=\"media-missing\">［视频］</span>")
        #expect(rewritten("<iframe src='file:///etc/passwd'></iframe>", by: chinese)
            == "<span class=\"media-missing\">［嵌入内容］</span>")
    }

    @Test func hiddenAdAndTrackerFramesAreLeftForRemoveFurniture() {
        let html = "<p>a<iframe src='https://ads.x/1' class='adsbygoogle'></iframe><iframe src='https://t.x/p' width='1' height='1'>"
            + "</iframe><video src='v.mp4' style='display: none'></video>b</p>"
        #expect(rewritten(html, by: english, RemoveFurniture()) == "<p>ab</p>")
    }

    @Test func keptThroughTheWholeNormalization() {
        let blocks = XHTMLWriter(language: "en").blocks(fromHTML: "<center><video><source src='http://x.org/v.mp4'></video></center>")
        #expect(blocks == ["<p><span class=\"media-missing\">[Video] <a href=\"http://x.org/v.mp4\">http://x.org/v.mp4</a></span></p>"])
    }
}
