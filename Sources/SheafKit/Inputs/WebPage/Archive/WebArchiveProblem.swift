/// Something wrong in a web archive or a saved page, where it is and why, in words for a user.
///
/// Problems are collected and reported; the walk goes on past them, so one bad record costs only itself.
struct WebArchiveProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// Byte offset of the record (in a `.warc.gz`, of its gzip member) or part the problem is about; nil for the
    /// whole file.
    var offset: Int?
    /// What is wrong and what was done about it.
    var reason: String

    /// A problem at `offset` (nil: the whole file).
    init(at offset: Int?, _ reason: String) {
        self.offset = offset
        self.reason = reason
    }

    /// `record at byte N: reason`, or the reason alone.
    var description: String {
        guard let offset else { return reason }
        return "record at byte \(offset): \(reason)"
    }
}
