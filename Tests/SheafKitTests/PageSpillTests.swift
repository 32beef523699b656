import Foundation
import Testing
@testable import SheafKit

@Suite struct PageSpillTests {
    private func temporaryFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "sheaf-spill-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func pagesSetAsideFromSeveralThreadsReadBackAndLeaveNoFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spill = try PageSpill(in: folder)
        // Unlinked at once: the folder holds nothing while the pages are written and read.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        let texts = (0..<64).map { index in String(repeating: "<p>page \(index) ·明慧·</p>\n", count: 50 + index * 7) }
        let pages = try texts.parallelMap(jobs: 4) { text -> Result<SpilledPage, SheafError> in
            do { return .success(try SpilledPage(RawDeflate(text), in: spill)) } catch {
                return .failure(error as? SheafError ?? SheafError(stage: .write, "\(error)"))
            }
        }.map { try $0.get() }
        for (text, page) in zip(texts, pages) {
            #expect(page.size == text.utf8.count)
            #expect(try page.deflated().inflated() == Data(text.utf8))
        }
        #expect(Set(pages.map(\.offset)).count == pages.count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func aBookWithPagesSetAsideIsWrittenAsTheSameBytes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let book = try SampleVolume.book(SampleVolume.sectioned)
        let spill = try PageSpill(in: folder)
        var spilled = book
        spilled.resources = try book.resources.map { resource in
            guard resource.mediaType == "application/xhtml+xml" else { return resource }
            let page = try SpilledPage(RawDeflate(resource.contents), in: spill)
            return Book.Resource(id: resource.id, href: resource.href, mediaType: resource.mediaType,
                                 properties: resource.properties, held: .spilled(page))
        }
        #expect(spilled == book)
        #expect(spilled.resources.map(\.size) == book.resources.map(\.size))
        try EPUBWriter().write(book, to: folder + "/plain.epub")
        try EPUBWriter().write(spilled, to: folder + "/spilled.epub")
        let plain = try Data(contentsOf: URL(fileURLWithPath: folder + "/plain.epub"))
        #expect(plain == (try Data(contentsOf: URL(fileURLWithPath: folder + "/spilled.epub"))))
    }

    @Test func aSpillLeftByAKilledRunIsALeftover() {
        #expect(BookFile.isLeftover(PageSpill.prefix + "a1B2c3"))
        #expect(PageSpill.prefix.hasPrefix(BookFile.temporaryPrefix))
        // As earlier versions named it; without the leading dot it is not Sheaf's.
        #expect(BookFile.isLeftover(".sheaf-pages.a1B2c3"))
        #expect(!BookFile.isLeftover("sheaf-pages.a1B2c3"))
    }

    @Test func aFolderThatCannotHoldTheSpillIsAnError() {
        #expect(throws: SheafError.self) { try PageSpill(in: "/nonexistent-\(UUID().uuidString)") }
    }
}
