import Testing
@testable import SheafKit

@Suite struct DeviceNamingTests {
    static func volume(_ fileName: String, key: String, language: String = "zh-Hant-TW") -> Volume {
        Volume(key: key, title: key, subtitle: nil, collection: "c", fileName: fileName, language: language, sections: [])
    }

    @Test func aKoboBookIsAKepubAndNamesStayUniqueAsTheDeviceNamesThem() {
        var notes: [Diagnostic] = []
        let kobo = DeviceProfile(.kobo)
        let named = DeviceNaming(fileName: kobo.fileName, language: kobo.language)
            .name([Self.volume("c-A.epub", key: "A"), Self.volume("c-a.epub", key: "a")], notes: &notes)
        #expect(named.map(\.fileName) == ["c-A.kepub.epub", "c-a-2.kepub.epub"])
        #expect(notes.count == 1)
        #expect(named.map(\.language) == ["zh-Hant-TW", "zh-Hant-TW"])
    }

    @Test func aKindleBookDeclaresItsPrimaryLanguageOnly() {
        var notes: [Diagnostic] = []
        let kindle = DeviceProfile(.kindle)
        let named = DeviceNaming(fileName: kindle.fileName, language: kindle.language)
            .name([Self.volume("c.epub", key: "k")], notes: &notes)
        #expect(named.map(\.language) == ["zh"] && named.map(\.fileName) == ["c.epub"] && notes.isEmpty)
    }
}
