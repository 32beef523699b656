/// Makes book file names unique when a file-name pattern (or two collections) gives several books one name,
/// so that no book silently replaces another.
enum FileNameClashes {
    /// Each clashing name gets its volume's key (`mh-news-weekly-2021-W03.epub`), then its collection too if
    /// that is not enough; every renaming is noted.
    static func resolve(_ volumes: [Volume], notes: inout [Diagnostic]) -> [Volume] {
        var result = volumes
        for suffix in [{ (v: Volume) in v.key }, { (v: Volume) in v.collection + "-" + v.key }] {
            var count: [String: Int] = [:]
            for volume in result { count[volume.fileName, default: 0] += 1 }
            guard count.values.contains(where: { $0 > 1 }) else { break }
            for index in result.indices where count[result[index].fileName, default: 0] > 1 {
                let old = result[index].fileName
                let stem = old.hasSuffix(".epub") ? String(old.dropLast(5)) : old
                result[index].fileName = stem + "-" + FileNameSlug.slug(suffix(result[index]), fallback: nil) + ".epub"
                notes.append(Diagnostic(.note, stage: .collect, file: result[index].fileName,
                                        "several books were to be called \(old); this one is \(result[index].fileName)"))
            }
        }
        return result
    }

    /// Renames each volume whose file name (compared case-insensitively) belongs to a book of another series in
    /// the catalog, with the first free numeric suffix (`goodnews-2.epub`), so that one series never writes over
    /// another's book. `owners` maps a lowercased file name to its book's series. The same catalog gives the same
    /// names, so a series finds its renamed books again on the next run.
    static func avoid(_ volumes: [Volume], owners: [String: String], series: (Volume) -> String,
                      notes: inout [Diagnostic]) -> [Volume] {
        var used = Set(volumes.map { $0.fileName.lowercased() })
        return volumes.map { volume in
            let own = series(volume)
            let free = { (name: String) in owners[name.lowercased()].map { $0 == own } ?? true }
            guard !free(volume.fileName) else { return volume }
            let (stem, ext) = split(volume.fileName)
            var number = 2
            while !free("\(stem)-\(number)\(ext)") || used.contains("\(stem)-\(number)\(ext)".lowercased()) { number += 1 }
            var renamed = volume
            renamed.fileName = "\(stem)-\(number)\(ext)"
            used.insert(renamed.fileName.lowercased())
            notes.append(Diagnostic(.note, stage: .collect, file: renamed.fileName,
                                    "\(volume.fileName) is a book of another series (\(owners[volume.fileName.lowercased()] ?? "")) in this folder; this one is \(renamed.fileName)"))
            return renamed
        }
    }

    /// `x` and `.kepub.epub` for `x.kepub.epub`; `x` and `.epub` for `x.epub`.
    private static func split(_ name: String) -> (stem: String, ext: String) {
        for ext in [".kepub.epub", ".epub"] where name.lowercased().hasSuffix(ext) && name.count > ext.count {
            return (String(name.dropLast(ext.count)), String(name.suffix(ext.count)))
        }
        return (name, "")
    }
}
