/// The last rule of the collector: the planned books take the names and language tags the device gives them
/// (`.kepub.epub` on a Kobo, `zh` on a Kindle), and then names unique as the device sees them (see
/// `FileNameClashes`), so that what is unique in the plan is unique on disk.
struct DeviceNaming: Sendable {
    /// The device's file name for a book's (`DeviceProfile.fileName`).
    let fileName: @Sendable (String) -> String
    /// The device's language tag for a book's (`DeviceProfile.language`).
    let language: @Sendable (String) -> String

    /// The volumes named for the device; a note for each name that had to change.
    func name(_ volumes: [Volume], notes: inout [Diagnostic]) -> [Volume] {
        FileNameClashes.resolve(volumes.map { volume in
            var fitted = volume
            fitted.fileName = fileName(volume.fileName)
            fitted.language = language(volume.language)
            return fitted
        }, notes: &notes)
    }
}
