import Testing
@testable import SheafKit

@Suite struct ChineseNumeralTests {
    @Test(arguments: [
        ("十", 10), ("十一", 11), ("二十", 20), ("三十一", 31), ("三十", 30), ("九", 9),
        ("二零零零", 2000), ("一九九九", 1999), ("二〇二〇", 2020), ("二○一八", 2018),
        ("2020", 2020), ("08", 8), ("２０２０", 2020), ("０３", 3),
    ])
    func readsNumerals(text: String, value: Int) {
        #expect(ChineseNumeral.value(of: Array(text.unicodeScalars)) == value)
    }

    @Test(arguments: ["", "十十", "二十三四", "一二十", "年", "〇十", "123456789"])
    func rejectsNonNumerals(text: String) {
        #expect(ChineseNumeral.value(of: Array(text.unicodeScalars)) == nil)
    }
}
