import Foundation
import Testing
@testable import SheafKit

@Suite struct BookCoverTests {
    @Test func readsAndConvertsTheUsersFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cover-\(UUID().uuidString).gif").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(TestImages.bytes(TestImages.gif)).write(to: URL(fileURLWithPath: path))
        let jpeg = try BookCover.read(path)
        #expect(ImageSniffer.sniff([UInt8](jpeg))?.mediaType == "image/jpeg")
    }

    @Test func missingFileNamesThePath() {
        let error = #expect(throws: SheafError.self) { try BookCover.read("/no/such/cover.jpg") }
        #expect(error?.file == "/no/such/cover.jpg")
    }

    @Test func generatedCoverCarriesTheVolumesNames() throws {
        let volume = SampleVolume.flat
        let generated = try BookCover.generated(for: volume)
        let direct = try CoverRenderer.render(title: volume.title, dates: "2021-01-18 – 2021-01-20",
                                              collection: volume.collection)
        #expect(generated == direct)
    }
}
