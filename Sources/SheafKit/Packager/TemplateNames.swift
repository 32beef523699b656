/// The names a page template may use: the keys of its page's context and, for a key holding a list, the keys
/// of each item (valid inside `{{#key}}…{{/key}}`). Declared beside each context in `PageContext`.
struct TemplateNames: Sendable {
    /// In the order declared, as an error message lists them.
    let names: [String]
    /// The names inside each list's items, by the list's key.
    let lists: [String: TemplateNames]

    init(_ names: [String], lists: [String: TemplateNames] = [:]) {
        self.names = names + lists.keys.sorted().filter { !names.contains($0) }
        self.lists = lists
    }

    func knows(_ name: String) -> Bool { names.contains(name) }

    /// These names and those of `more` (a page's own keys added to the shared ones).
    func adding(_ more: [String]) -> TemplateNames {
        TemplateNames(names + more.filter { !names.contains($0) }, lists: lists)
    }
}
