import Foundation

/// `[text](target)` links in a line of Markdown, found by shape (no Markdown parser needed for index pages).
enum MarkdownLinks {
    struct Link: Equatable {
        var text: String
        var target: String
    }

    static func links(in line: Substring) -> [Link] {
        var links: [Link] = []
        var rest = line[...]
        while let open = rest.firstIndex(of: "[") {
            guard let close = rest[open...].firstIndex(of: "]") else { break }
            let afterClose = rest.index(after: close)
            guard afterClose < rest.endIndex, rest[afterClose] == "(",
                  let end = rest[afterClose...].firstIndex(of: ")") else {
                rest = rest[rest.index(after: open)...]
                continue
            }
            let text = rest[rest.index(after: open)..<close]
            let target = rest[rest.index(after: afterClose)..<end]
            links.append(Link(text: String(text), target: String(target).trimmingCharacters(in: .whitespaces)))
            rest = rest[rest.index(after: end)...]
        }
        return links
    }

    /// `(channel, id)` of a link to a mirror page, `…pages/<channel>/<id>.md` with any prefix and query.
    static func mirrorPage(_ target: String) -> (channel: String, id: String)? {
        let path = target.prefix { $0 != "?" && $0 != "#" }
        guard path.hasSuffix(".md") else { return nil }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts[parts.count - 3] == "pages" else { return nil }
        let id = parts[parts.count - 1].dropLast(3)
        let channel = parts[parts.count - 2]
        guard !id.isEmpty, !channel.isEmpty else { return nil }
        return (String(channel), String(id))
    }
}
