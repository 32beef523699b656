import Foundation

/// A written book as the catalog checks it: its size and a fast hash of its bytes.
enum BookFile {
    /// Size and `FNV1a` hex of the file, or nil when it cannot be read.
    static func measure(_ path: String) -> (size: Int, hash: String)? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var hash = FNV1a()
        hash.update(data)
        return (data.count, hash.hex)
    }

    /// Whether the file is still the one recorded; the size is checked first, which is nearly free.
    static func matches(_ path: String, size: Int, hash: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              (attributes[.size] as? NSNumber)?.intValue == size,
              let measured = measure(path) else { return false }
        return measured.size == size && measured.hash == hash
    }

    /// Removes what a killed run left in the output folder: libzip's temporary files (`<book>.epub.XXXXXX`, also
    /// `<book>.epub.capped.XXXXXX`), books written before their size check (`<book>.epub.capped`) and a spill of
    /// pages not yet unlinked (`.sheaf-pages.XXXXXX`).
    static func removeLeftovers(in folder: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where isLeftover(name) {
            try? FileManager.default.removeItem(atPath: InputPath.join(folder, name))
        }
    }

    static func isLeftover(_ name: String) -> Bool {
        if name.hasPrefix(PageSpill.prefix) { return name.count == PageSpill.prefix.count + 6 }
        guard let dot = name.lastIndex(of: "."),
              name[..<dot].hasSuffix(".epub") || name[..<dot].hasSuffix(".epub" + VolumeMaker.cappedSuffix)
        else { return false }
        let suffix = name[name.index(after: dot)...]
        return suffix.count == 6 && suffix.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
}
