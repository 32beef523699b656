/// The EPUB 2 table of contents (`toc.ncx`) for older readers: the same entries as the navigation document.
enum NCXDocument {
    static let href = "toc.ncx"

    /// The whole NCX. Entries pointing at the same file share a play order, numbered 1… in reading order.
    static func xml(for book: Book) -> String {
        var playOrders: [String: Int] = [:]
        var nextID = 0
        var points: [String] = []
        func add(_ entry: Book.ContentsEntry, depth: Int) {
            let order = playOrders[entry.href] ?? (playOrders.count + 1)
            playOrders[entry.href] = order
            nextID += 1
            let indent = String(repeating: "  ", count: depth + 2)
            points.append(#"\#(indent)<navPoint id="np\#(nextID)" playOrder="\#(order)">"#)
            points.append("\(indent)  <navLabel><text>\(XMLText.escaped(entry.title))</text></navLabel>")
            points.append(#"\#(indent)  <content src="\#(XMLText.escaped(entry.href))"/>"#)
            entry.children.forEach { add($0, depth: depth + 1) }
            points.append("\(indent)</navPoint>")
        }
        book.tableOfContents.forEach { add($0, depth: 0) }
        if points.isEmpty {
            add(Book.ContentsEntry(title: book.metadata.title, href: PageContext.titlepageHref, children: []), depth: 0)
        }
        let lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="\#(XMLText.escaped(book.metadata.language))">"#,
            "  <head>",
            #"    <meta name="dtb:uid" content="\#(XMLText.escaped(book.metadata.identifier))"/>"#,
            #"    <meta name="dtb:depth" content="\#(max(1, depth(book.tableOfContents)))"/>"#,
            #"    <meta name="dtb:totalPageCount" content="0"/>"#,
            #"    <meta name="dtb:maxPageNumber" content="0"/>"#,
            "  </head>",
            "  <docTitle><text>\(XMLText.escaped(book.metadata.title))</text></docTitle>",
            "  <navMap>",
        ] + points + ["  </navMap>", "</ncx>", ""]
        return lines.joined(separator: "\n")
    }

    private static func depth(_ entries: [Book.ContentsEntry]) -> Int {
        entries.map { 1 + depth($0.children) }.max() ?? 0
    }
}
