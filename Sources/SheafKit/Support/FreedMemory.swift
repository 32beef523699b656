import CMalloc

/// Gives back to the system the memory a heavy volume freed.
///
/// glibc keeps what each thread frees in that thread's own arena, and a long build runs heavy work (a long
/// article's parse tree, a large volume's pages) on every thread in turn: each arena keeps its own high-water
/// mark, and the process holds their sum rather than what it uses at any moment. Trimming after every volume
/// costs a page fault for each page used again (a sixth of a build of many small books); after a volume with
/// at least `heavyVolumeBytes` of article HTML it costs nothing measurable and keeps a large collection's
/// build within a few megabytes of a small one's (see README, Performance).
enum FreedMemory {
    static let heavyVolumeBytes = 1 << 20

    /// Returns every whole free page of every arena to the system (nothing where the C library has no arenas).
    static func release() {
        sheaf_release_freed_memory()
    }

    /// Releases freed memory when `articleBytes` of article HTML make a volume heavy.
    static func releaseAfterVolume(of articleBytes: Int) {
        if articleBytes >= heavyVolumeBytes { release() }
    }
}
