import Testing
@testable import SheafKit

@Suite struct DeviceProfileTests {
    @Test func genericIsWhatSheafDidBefore() {
        let generic = DeviceProfile.generic
        #expect(generic.device == .generic)
        #expect(generic.maxImageSide == 1600)
        #expect(generic.jpegQuality == 80)
        #expect(generic.shownImageTypes == ["image/png", "image/jpeg", "image/gif"])
        #expect(generic.fileName("a-2021-W03.epub") == "a-2021-W03.epub")
        #expect(generic.defaultMaxSize == VolumeLimits.defaultMaxSize)
        #expect(generic.maxBookBytes == nil)
        #expect(!generic.koboSpans)
        #expect(generic.language("zh-Hant") == "zh-Hant")
    }

    @Test func kindleStaysUnderTheMailLimitWithPlainLanguageTags() {
        let kindle = DeviceProfile(.kindle)
        #expect(kindle.maxBookBytes == 50_000_000)
        #expect(kindle.defaultMaxSize < kindle.maxBookBytes ?? 0)
        #expect(kindle.language("zh-Hant-TW") == "zh")
        #expect(kindle.language("EN-gb") == "en")
        #expect(kindle.language("zh") == "zh")
        #expect(kindle.fileName("a.epub") == "a.epub")
        #expect(!kindle.shownImageTypes.contains("image/webp"))
    }

    @Test func koboWritesKepubsWithSpans() {
        let kobo = DeviceProfile(.kobo)
        #expect(kobo.fileName("mh-news-2021-W03.epub") == "mh-news-2021-W03.kepub.epub")
        #expect(kobo.fileName("mh-news-part1.EPUB") == "mh-news-part1.kepub.epub")
        #expect(kobo.koboSpans)
    }

    @Test func largerScreensKeepMorePixels() {
        #expect(DeviceProfile(.koreader).maxImageSide == 2000)
        #expect(DeviceProfile(.apple).maxImageSide == 2048)
        #expect(DeviceProfile(.apple).imagePreparation.jpegQuality == 85)
        #expect(DeviceProfile(.apple).imagePreparation.maxSide == 2048)
    }

    @Test func everyDeviceIsExplainedInTheSummary() {
        for device in DeviceProfile.Device.allCases {
            #expect(DeviceProfile.summary.contains(device.rawValue + ":"))
        }
    }

    @Test func theImageLimitShrinksPicturesToTheProfile() throws {
        let wide = try Raster(width: 3000, height: 1000, level: 128).jpeg(quality: 80)
        let kind = try #require(ImageSniffer.sniff([UInt8](wide)))
        for (device, side) in [(DeviceProfile.Device.generic, 1600), (.apple, 2048)] {
            let prepared = try DeviceProfile(device).imagePreparation.prepared([UInt8](wide), kind: kind)
            #expect(prepared.kind.width == side)
        }
    }
}
