/// Sizes past which web archive content is skipped with a reason instead of held in memory: a bomb, a video
/// record or a damaged length must not take the build's memory.
enum WebArchiveLimits {
    /// A page's payload (HTML, after any content encoding is undone): as large as a saved page may be.
    static let pageBytes = 32 * 1_048_576
    /// An image's payload.
    static let imageBytes = 50 * 1_048_576
    /// A record's block: the largest payload with room for its HTTP headers.
    static let blockBytes = imageBytes + 1_048_576
    /// A record's WARC headers, and the start of its block read while walking (where the HTTP status line is).
    static let headerBytes = 64 * 1024
    /// A web archive gzipped whole, as one member, is inflated into memory to be walked: at most this much.
    static let wholeArchiveBytes = 512 * 1_048_576
}
