/// What identifies an article across runs: its source URL (compared as the de-duplicator compares them),
/// else its place in the collection.
enum ArticleKey {
    static func key(for header: ArticleHeader) -> String {
        if let source = header.source.map(Deduplicator.sourceKey), !source.isEmpty { return source }
        return header.channel + "/" + header.id
    }
}
