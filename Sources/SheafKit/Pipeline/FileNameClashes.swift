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
}
