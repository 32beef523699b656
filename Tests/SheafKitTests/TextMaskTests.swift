import Testing
@testable import SheafKit

@Suite struct TextMaskTests {
    private let family = CoverRenderer.font

    @Test func chineseAndEnglishTextHaveInk() throws {
        for text in ["明慧 · 天人之间", "<b>mh-news 2021-W03</b>"] {
            let mask = try TextMask.render(text, family: family, pixels: 90, width: 1360, fit: 300)
            #expect(mask.width > 100 && mask.height > 40, "\(text): \(mask.width)×\(mask.height)")
            // Cropped to the ink: every edge row and column holds some.
            #expect(mask.bytes.prefix(mask.width).contains { $0 > 0 })
            #expect(mask.bytes.suffix(mask.width).contains { $0 > 0 })
            #expect(mask.bytes.contains(255))
        }
    }

    @Test func longTextWrapsThenShrinksToFit() throws {
        let long = String(repeating: "很长的标题 ", count: 40)
        let fixed = try TextMask.render(long, family: family, pixels: 200, width: 1360, fit: 100_000)
        #expect(fixed.width <= 1360 && fixed.height > 1100)
        let fitted = try TextMask.render(long, family: family, pixels: 200, width: 1360, fit: 1100)
        #expect(fitted.height <= 1100 && fitted.height > 700 && fitted.width <= 1360)
    }

    @Test func aWordWiderThanTheLineIsBrokenOrShrunk() throws {
        let mask = try TextMask.render(String(repeating: "W", count: 60), family: family, pixels: 200, width: 500, fit: 2000)
        #expect(mask.width <= 500)
    }

    @Test func brokenMarkupIsAnErrorAndEmptyTextAnEmptyMask() throws {
        #expect(throws: SheafError.self) { try TextMask.render("<b>unclosed", family: family, pixels: 40, width: 400, fit: 400) }
        let empty = try TextMask.render("", family: family, pixels: 40, width: 400, fit: 400)
        #expect(empty.width == 0 && empty.height == 0)
    }
}
