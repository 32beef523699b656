import CLibZip
import Foundation
import Testing
@testable import SheafKit

@Suite struct EntryBytesTests {
    /// Drives the callback the way libzip does: open, read in chunks, close; returns what was read.
    private func readAll(_ owner: UnsafeMutableRawPointer, chunk: Int) -> [UInt8]? {
        guard EntryBytes.callback(owner, nil, 0, ZIP_SOURCE_OPEN) == 0 else { return nil }
        var read: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let count = buffer.withUnsafeMutableBytes { EntryBytes.callback(owner, $0.baseAddress, zip_uint64_t(chunk), ZIP_SOURCE_READ) }
            guard count > 0 else { break }
            read += buffer[0..<Int(count)]
        }
        _ = EntryBytes.callback(owner, nil, 0, ZIP_SOURCE_CLOSE)
        return read
    }

    @Test func givesEveryByteInOrderThenLetsThemGo() {
        let data = Data((0..<10_000).map { UInt8($0 % 251) })
        let owner = Unmanaged.passRetained(EntryBytes(.plain(data))).toOpaque()
        var stat = zip_stat_t()
        #expect(EntryBytes.callback(owner, &stat, zip_uint64_t(MemoryLayout<zip_stat_t>.size), ZIP_SOURCE_STAT) > 0)
        #expect(stat.size == 10_000)
        #expect(readAll(owner, chunk: 4096) == [UInt8](data))
        // Read once and closed: the bytes are gone, so a second reading fails instead of giving nothing.
        #expect(readAll(owner, chunk: 4096) == nil)
        #expect(EntryBytes.callback(owner, nil, 0, ZIP_SOURCE_FREE) == 0)
    }

    @Test func anEmptyEntryReadsAsNothing() {
        let owner = Unmanaged.passRetained(EntryBytes(.plain(Data()))).toOpaque()
        #expect(readAll(owner, chunk: 16) == [])
        #expect(EntryBytes.callback(owner, nil, 0, ZIP_SOURCE_FREE) == 0)
    }
}
