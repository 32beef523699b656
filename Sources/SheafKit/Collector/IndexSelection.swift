/// The `--index` rule of the collector: which of a collection's index pages make volumes (`--group-by index`).
struct IndexSelection: Sendable {
    /// The index pages asked for, by name or file name (`--index`); nil takes every page.
    let wanted: [String]?

    /// The pages of `found` that were asked for, in their order, and an error for each page asked for that the
    /// collection lacks (`page` gives the file it would be, for the message), so that a typo is not silent.
    func select(_ found: [IndexListing], page: (String) -> String) -> (indexes: [IndexListing], missing: [Diagnostic]) {
        let names = wanted.map { Set($0.map(IndexListing.name(of:))) }
        let indexes = found.filter { names?.contains($0.name) ?? true }
        let missing = (wanted ?? []).filter { wanted in !found.contains { $0.name == IndexListing.name(of: wanted) } }
            .map { Diagnostic(.error, stage: .read, file: page(IndexListing.name(of: $0)), "no such index page in the collection") }
        return (indexes, missing)
    }
}
