import Testing
@testable import SheafKit

@Suite struct RemoveNonContentImagesTests {
    @Test func dropsMirrorQRCodes() {
        let html = "<p><img src='https://github.com/x/y/blob/master/pages/73/1.md.png'/><img alt='扫描二维码' src='q.png'/></p>"
        #expect(rewritten(html, by: RemoveNonContentImages(policy: MirrorFormat().bodyPolicy(ofFile: "c/pages/73/1.md")))
                == "<p></p>")
    }

    @Test func aFileNamedLikeAMirrorQRCodeIsKeptForAnotherFormat() {
        let html = "<p><img src='pages/73/1.md.png'/></p>"
        #expect(rewritten(html, by: RemoveNonContentImages()).contains("1.md.png"))
    }

    @Test func dropsTrackingPixels() {
        let html = "<p><img src='t.gif' width='0px' height='0px'/><img src='u.gif' width=1 height=1>"
            + "<img src='v.gif' style='width:0;height:0'/></p>"
        #expect(rewritten(html, by: RemoveNonContentImages()) == "<p></p>")
    }

    @Test func keepsPictures() {
        let html = "<p><img src='photo.jpg' alt='照片' width='600' height='400'/></p>"
        #expect(rewritten(html, by: RemoveNonContentImages()).contains("photo.jpg"))
    }
}
