import Foundation

/// Reads a collection's index pages (`<root>/indexes/*.md`) and the titles its README menu gives them.
struct IndexReader: Sendable {
    init() {}

    /// Every index page of the collection at `root`, in byte order of their names (the collector puts them in its
    /// own order); unreadable pages are reported.
    func indexes(ofCollectionAt root: String) -> (indexes: [IndexListing], problems: [Diagnostic]) {
        let folder = InputPath.join(root, "indexes")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }
            .sorted { InputPath.byteOrder($0, $1) }
        let titles = menuTitles(ofCollectionAt: root)
        var indexes: [IndexListing] = []
        var problems: [Diagnostic] = []
        let realRoot = InputPath.real(root) ?? InputPath.absolute(root)
        for name in names {
            let path = InputPath.join(folder, name)
            if let real = InputPath.real(path), !InputPath.isInside(real, root: realRoot) {
                problems.append(Diagnostic(.warning, stage: .read, file: path,
                                           "symbolic link leads outside the collection (to \(real)); not read"))
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                problems.append(Diagnostic(.warning, stage: .read, file: path, "cannot read the index file"))
                continue
            }
            let stem = String(name.dropLast(3))
            var found = listing(String(decoding: data, as: UTF8.self), name: stem, title: titles[stem], file: path)
            for k in found.entries.indices {
                let page = InputPath.join(root, "pages/\(found.entries[k].channel)/\(found.entries[k].id).md")
                found.entries[k].onDisk = FileManager.default.fileExists(atPath: page)
            }
            indexes.append(found)
        }
        return (indexes, problems)
    }

    /// The articles an index page links to, in order, each once; banner and other links are ignored.
    func listing(_ text: String, name: String, title: String?, file: String) -> IndexListing {
        var entries: [IndexListing.Entry] = []
        var seen = Set<String>()
        for line in text.split(whereSeparator: \.isNewline) {
            for link in MarkdownLinks.links(in: line) {
                guard let page = MarkdownLinks.mirrorPage(link.target), seen.insert(page.channel + "/" + page.id).inserted
                else { continue }
                let title = VisibleText.normalize(HTMLEntities.decode(link.text), whitespace: .collapse)
                entries.append(IndexListing.Entry(title: title, channel: page.channel, id: page.id,
                                                  page: "pages/\(page.channel)/\(page.id).md"))
            }
        }
        return IndexListing(name: name, title: title, file: file, entries: entries)
    }

    /// `[武汉肺炎](indexes/365.md?t=…)` links in the Markdown files at the collection's root: index name → title.
    func menuTitles(ofCollectionAt root: String) -> [String: String] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
            .filter { $0.lowercased().hasSuffix(".md") }.sorted()
        var titles: [String: String] = [:]
        let realRoot = InputPath.real(root) ?? InputPath.absolute(root)
        for file in files {
            let path = InputPath.join(root, file)
            // A menu file linked from outside the collection is not read (its titles would enter the books).
            guard InputPath.real(path).map({ InputPath.isInside($0, root: realRoot) }) == true,
                  let data = FileManager.default.contents(atPath: path) else { continue }
            for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
                for link in MarkdownLinks.links(in: line) {
                    let path = link.target.prefix { $0 != "?" && $0 != "#" }
                    guard path.hasPrefix("indexes/"), path.hasSuffix(".md") else { continue }
                    let name = String(path.dropFirst("indexes/".count).dropLast(3))
                    let title = VisibleText.normalize(HTMLEntities.decode(link.text), whitespace: .collapse)
                    if !title.isEmpty, titles[name] == nil { titles[name] = title }
                }
            }
        }
        return titles
    }
}
