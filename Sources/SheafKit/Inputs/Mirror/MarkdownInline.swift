import Foundation

/// The Markdown a mirror file leaves among its body's HTML lines, rendered as the HTML it means, so that none of
/// it reaches a chapter as literal text: a heading line (`#### 小标题`) becomes `<h4>小标题</h4>`, and a link
/// (`[text](https://…)`) an `<a>`. Lines of links shaped like the mirror's menus and promos are dropped before
/// (see `MirrorLine.isLinkHeading` and `isPromoLinkLine`).
enum MarkdownInline {
    /// Whether `line` may hold Markdown to render: a heading mark, or a link's `](`.
    static func mayRender(_ line: ArraySlice<UInt8>) -> Bool {
        // One pass over the bytes: every body line is asked.
        line.withUnsafeBufferPointer { bytes in
            var index = 0
            while index < bytes.count, bytes[index] == 0x20 { index += 1 }
            if index < bytes.count, bytes[index] == UInt8(ascii: "#") { return MirrorLine.heading(line) != nil }
            // memchr to each `]`: body lines are long runs of HTML and text with few brackets.
            guard let base = bytes.baseAddress else { return false }
            while index + 1 < bytes.count,
                  let found = memchr(base + index, Int32(UInt8(ascii: "]")), bytes.count - 1 - index) {
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if bytes[at + 1] == UInt8(ascii: "(") { return true }
                index = at + 1
            }
            return false
        }
    }

    /// `line` rendered: a heading as an element of its level, links as `<a>` (web and mail addresses only).
    static func rendered(_ line: ArraySlice<UInt8>) -> [UInt8] {
        if let (level, content) = MirrorLine.heading(line) {
            return Array("<h\(level)>".utf8) + links(content) + Array("</h\(level)>".utf8)
        }
        return links(line)
    }

    /// `[text](target)` → `<a href="target">text</a>` where the target is an `http`, `https` or `mailto` address.
    static func links(_ line: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(line.count + 16)
        var rest = line
        while let open = rest.firstIndex(of: UInt8(ascii: "[")) {
            guard let middle = MirrorLine.find(rest[open...], "]("),
                  let close = rest[(middle + 2)...].firstIndex(of: UInt8(ascii: ")")) else { break }
            let text = rest[(open + 1)..<middle]
            let target = MirrorLine.trimmed(rest[(middle + 2)..<close])
            let url = String(decoding: target, as: UTF8.self)
            guard !text.contains(UInt8(ascii: "[")), !text.contains(UInt8(ascii: "<")),
                  ["http", "https", "mailto"].contains(LinkResolver.scheme(of: url) ?? ""),
                  !target.contains(where: { $0 == 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "<") }) else {
                out.append(contentsOf: rest[...open])
                rest = rest[(open + 1)...]
                continue
            }
            out.append(contentsOf: rest[..<open])
            out.append(contentsOf: "<a href=\"".utf8)
            for byte in target { byte == UInt8(ascii: "&") ? out.append(contentsOf: "&amp;".utf8) : out.append(byte) }
            out.append(contentsOf: "\">".utf8)
            out.append(contentsOf: MirrorLine.trimmed(text))
            out.append(contentsOf: "</a>".utf8)
            rest = rest[(close + 1)...]
        }
        out.append(contentsOf: rest)
        return out
    }
}
