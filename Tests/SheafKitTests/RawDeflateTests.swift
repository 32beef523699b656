import CLibZip
import Foundation
import Testing
@testable import SheafKit

@Suite struct RawDeflateTests {
    /// Every entry of the archive at `path`, inflated by libzip (which also checks each CRC).
    private func entries(of path: String) throws -> [String: Data] {
        var error: Int32 = 0
        let archive = try #require(zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &error))
        defer { zip_discard(archive) }
        var result: [String: Data] = [:]
        for index in 0..<zip_get_num_entries(archive, 0) {
            var stat = zip_stat_t()
            zip_stat_init(&stat)
            #expect(zip_stat_index(archive, zip_uint64_t(index), 0, &stat) == 0)
            let file = try #require(zip_fopen_index(archive, zip_uint64_t(index), 0))
            var bytes = [UInt8](repeating: 0, count: Int(stat.size))
            let read = bytes.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress, stat.size) }
            #expect(zip_fclose(file) == 0)   // 0 only when the CRC matched
            #expect(read == Int64(stat.size))
            result[String(cString: stat.name)] = Data(bytes)
        }
        return result
    }

    @Test func deflatedEntriesReadBackAndDoNotDependOnJobs() throws {
        let folder = NSTemporaryDirectory() + "sheaf-deflate-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let book = try SampleVolume.book(SampleVolume.sectioned)
        try EPUBWriter().write(book, to: folder + "/one.epub", jobs: 1)
        try EPUBWriter().write(book, to: folder + "/three.epub", jobs: 3)
        let one = try Data(contentsOf: URL(fileURLWithPath: folder + "/one.epub"))
        #expect(one == (try Data(contentsOf: URL(fileURLWithPath: folder + "/three.epub"))))
        let read = try entries(of: folder + "/one.epub")
        for resource in book.resources {
            #expect(read[resource.path] == resource.contents, "\(resource.path)")
        }
        #expect(read["mimetype"] == Data("application/epub+zip".utf8))
    }

    @Test func emptyAndLargeInputsRoundTrip() throws {
        let empty = try RawDeflate(Data())
        #expect(empty.size == 0 && empty.crc == 0 && !empty.bytes.isEmpty)
        let text = Data(String(repeating: "明慧 sheaf ", count: 50_000).utf8)
        let large = try RawDeflate(text)
        #expect(large.size == text.count)
        #expect(large.bytes.count < text.count / 20)
    }
}
