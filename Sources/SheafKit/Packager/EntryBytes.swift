import CLibZip
import Foundation

/// The bytes of one archive entry, read by libzip through a callback source and let go once read.
///
/// libzip keeps a `zip_source_buffer` until `zip_close`; this source drops its bytes when libzip closes it
/// after reading them, so a book's entries leave memory one by one while the archive is written.
final class EntryBytes {
    private var data: Data?
    private var offset = 0
    /// For bytes deflated already (`RawDeflate`): their size before compression, compressed size and CRC, which
    /// tell libzip to copy them as they are.
    private let deflated: (size: Int, compressedSize: Int, crc: UInt32)?

    init(_ held: HeldBytes) {
        switch held {
        case .plain(let data):
            (self.data, deflated) = (data, nil)
        case .deflated(let entry):
            (data, deflated) = (entry.bytes, (entry.size, entry.bytes.count, entry.crc))
        case .spilled(let page):
            (spilled, deflated) = (page, (page.size, page.compressedSize, page.crc))
        }
    }

    /// A page set aside on disk: read from there as libzip asks, never whole in memory.
    private var spilled: SpilledPage?

    /// The `zip_source_callback`; `owner` is a retained `EntryBytes`, released on `ZIP_SOURCE_FREE`.
    static let callback: zip_source_callback = { owner, buffer, length, command in
        guard let owner else { return -1 }
        let bytes = Unmanaged<EntryBytes>.fromOpaque(owner)
        switch command {
        case ZIP_SOURCE_FREE:
            bytes.release()
            return 0
        default:
            return bytes.takeUnretainedValue().answer(command, buffer: buffer, length: length)
        }
    }

    private func answer(_ command: zip_source_cmd_t, buffer: UnsafeMutableRawPointer?, length: zip_uint64_t) -> zip_int64_t {
        switch command {
        case ZIP_SOURCE_OPEN:
            // Opened again after its bytes were let go: nothing to give (libzip reads each entry once).
            guard data != nil || spilled != nil else { return -1 }
            offset = 0
            return 0
        case ZIP_SOURCE_READ:
            if let spilled, let buffer {
                let count = min(Int(clamping: length), spilled.compressedSize - offset)
                guard count > 0 else { return 0 }
                let read = spilled.spill.read(offset: spilled.offset + offset, count: count, into: buffer)
                guard read == count else { return -1 }
                offset += count
                return zip_int64_t(count)
            }
            guard let data, let buffer else { return -1 }
            let count = min(Int(clamping: length), data.count - offset)
            guard count > 0 else { return 0 }
            let start = data.startIndex + offset
            data.copyBytes(to: buffer.assumingMemoryBound(to: UInt8.self), from: start..<start + count)
            offset += count
            return zip_int64_t(count)
        case ZIP_SOURCE_CLOSE:
            if let data, offset >= data.count { self.data = nil }
            if let spilled, offset >= spilled.compressedSize { self.spilled = nil }
            return 0
        case ZIP_SOURCE_STAT:
            guard let buffer, length >= MemoryLayout<zip_stat_t>.size else { return -1 }
            let stat = buffer.assumingMemoryBound(to: zip_stat_t.self)
            zip_stat_init(stat)
            stat.pointee.size = zip_uint64_t(data?.count ?? 0)
            stat.pointee.valid |= zip_uint64_t(ZIP_STAT_SIZE)
            if let deflated {
                stat.pointee.size = zip_uint64_t(deflated.size)
                stat.pointee.comp_size = zip_uint64_t(deflated.compressedSize)
                stat.pointee.comp_method = zip_uint16_t(ZIP_CM_DEFLATE)
                stat.pointee.crc = deflated.crc
                stat.pointee.valid |= zip_uint64_t(ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC)
            }
            return zip_int64_t(MemoryLayout<zip_stat_t>.size)
        case ZIP_SOURCE_ERROR:
            guard let buffer else { return -1 }
            var error = zip_error_t()
            zip_error_init(&error)
            defer { zip_error_fini(&error) }
            return zip_error_to_data(&error, buffer, length)
        case ZIP_SOURCE_SUPPORTS:
            return sheaf_zip_source_supports_readable()
        default:
            return -1
        }
    }
}
