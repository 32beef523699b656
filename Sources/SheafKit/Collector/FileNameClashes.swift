/// Makes book file names unique in their folder, compared as a FAT or exFAT disk (a reader's) compares them,
/// without regard to case, so that no book silently replaces another.
///
/// Run on the final names (after the device's `.kepub.epub`), so that what is unique here is unique on disk.
enum FileNameClashes {
    /// Each group of clashing names gets its volumes' keys (`mh-news-weekly-2021-W03.epub`) when these tell
    /// them apart, then their collections and keys; a name that still clashes — with another book's, or with
    /// one of `taken` (case-folded names other books already own in the folder) — ends with the smallest number
    /// that frees it (`mh-news-channel-a-b-2.epub`). A name that clashes with nothing is kept, and of a group
    /// the first volume (in plan order) keeps its name. Every renaming is noted.
    static func resolve(_ volumes: [Volume], taken: Set<String> = [], notes: inout [Diagnostic]) -> [Volume] {
        var result = volumes
        for suffix in [{ (v: Volume) in v.key }, { (v: Volume) in v.collection + "-" + v.key }] {
            for group in clashingGroups(result) {
                let suffixes = group.map { FileNameSlug.slug(suffix(result[$0]), fallback: nil) }
                // A suffix that every volume of the group shares tells them no more apart.
                guard Set(suffixes.map(fold)).count > 1 else { continue }
                for (index, text) in zip(group, suffixes) { result[index].fileName = named(result[index].fileName, text) }
            }
        }
        numberClashes(&result, taken: taken)
        for (volume, resolved) in zip(volumes, result) where volume.fileName != resolved.fileName {
            let reason = taken.contains(fold(volume.fileName)) ? "another book in the folder is called"
                : "several books were to be called"
            notes.append(Diagnostic(.note, stage: .collect, file: resolved.fileName,
                                    "\(reason) \(volume.fileName); this one is \(resolved.fileName)"))
        }
        return result
    }

    /// Gives each name that another volume (earlier in plan order) or `taken` has already the smallest number
    /// from 2 up that no other name has: this always ends, and with names all different.
    private static func numberClashes(_ volumes: inout [Volume], taken: Set<String>) {
        var owned = taken
        var clashing: [Int] = []
        // Every name that can be kept is claimed first, so that no number takes a name a later volume has.
        for index in volumes.indices {
            if !owned.insert(fold(volumes[index].fileName)).inserted { clashing.append(index) }
        }
        for index in clashing {
            let name = volumes[index].fileName
            var number = 2
            while owned.contains(fold(named(name, String(number)))) { number += 1 }
            volumes[index].fileName = named(name, String(number))
            owned.insert(fold(volumes[index].fileName))
        }
    }

    /// How names are compared: as case-insensitive file systems do.
    static func fold(_ name: String) -> String { name.lowercased() }

    /// The indices of the volumes that share a name with another, group by group, in plan order.
    private static func clashingGroups(_ volumes: [Volume]) -> [[Int]] {
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for index in volumes.indices {
            let key = fold(volumes[index].fileName)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        return order.compactMap { groups[$0] }.filter { $0.count > 1 }
    }

    /// `name` with `-suffix` before its extension (`.epub`, or a device's `.kepub.epub`).
    static func named(_ name: String, _ suffix: String) -> String {
        let lowered = name.lowercased()
        let extensionLength = lowered.hasSuffix(".kepub.epub") ? 11 : lowered.hasSuffix(".epub") ? 5 : 0
        return name.dropLast(extensionLength) + "-" + suffix + name.suffix(extensionLength)
    }

    /// Renames each volume whose file name (compared as `fold` does) belongs to a book of another series in the
    /// catalog, with the first free number (`goodnews-2.epub`), so that one series never writes over another's
    /// book. `owners` maps a folded file name to its book's series. The same catalog gives the same names, so a
    /// series finds its renamed books again on the next run.
    static func avoid(_ volumes: [Volume], owners: [String: String], series: (Volume) -> String,
                      notes: inout [Diagnostic]) -> [Volume] {
        var used = Set(volumes.map { fold($0.fileName) })
        return volumes.map { volume in
            let own = series(volume)
            let free = { (name: String) in owners[fold(name)].map { $0 == own } ?? true }
            guard !free(volume.fileName) else { return volume }
            var number = 2
            while !free(named(volume.fileName, String(number))) || used.contains(fold(named(volume.fileName, String(number)))) {
                number += 1
            }
            var renamed = volume
            renamed.fileName = named(volume.fileName, String(number))
            used.insert(fold(renamed.fileName))
            notes.append(Diagnostic(.note, stage: .collect, file: renamed.fileName,
                                    "\(volume.fileName) is a book of another series (\(owners[fold(volume.fileName)] ?? "")) "
                                    + "in this folder; this one is \(renamed.fileName)"))
            return renamed
        }
    }
}
