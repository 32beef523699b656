/// Where the parts of one mirrored article file lie, found by the shape of its lines:
///
/// ```
/// ### TITLE
/// ------------------------
/// #### [首页](…) | [其它](…)            navigation: a heading made only of links
/// <div class="…"> … </div>               the body (promo link lines and `---` inside it are dropped)
/// <hr/>                                   share block: the last <hr> before the trailer
/// 手机上长按…<br/> … <img …/> <br/>
/// 原文地址（需翻墙访问）：URL              source line
/// ------------------------ / #### […](…) / <img … width='0px' height='0px'/>
/// ```
struct MirrorArticleLayout {
    /// The title line's text after its `#`s, as written; nil when the file has no title heading.
    var title: String?
    /// The body's UTF-8 bytes: the lines between the navigation and the share block, boilerplate dropped.
    var body: [UInt8]
    /// The source URL as written after `原文…：`.
    var source: String?
    /// Whether the body holds Markdown headings of prose (not link lines): the shape of a help page.
    var hasProseHeadings = false

    /// How many non-blank lines above the trailer may belong to the share block.
    static let shareBlockLines = 8

    /// The layout of `text`, clean UTF-8 with LF line ends.
    init(_ text: [UInt8]) {
        let lines = Self.lines(of: text)
        var start = 0
        while start < lines.count, MirrorLine.isBlank(text[lines[start]]) { start += 1 }
        if start < lines.count, let (level, content) = MirrorLine.heading(text[lines[start]]), level <= 3 {
            title = String(decoding: content, as: UTF8.self)
            start += 1
        }
        while start < lines.count, Self.isHeaderBoilerplate(text[lines[start]]) { start += 1 }

        var end = lines.count
        while end > start {
            let line = text[lines[end - 1]]
            if Self.isTrailerBoilerplate(line) {
                end -= 1
            } else if source == nil, let url = MirrorLine.sourceURL(line) {
                source = url
                end -= 1
            } else {
                break
            }
        }
        end = Self.shareBlockStart(in: text, lines: lines, from: start, to: end) ?? end
        body = Self.joinedBody(text, lines: lines[start..<end])
        hasProseHeadings = lines[start..<end].contains {
            MirrorLine.heading(text[$0]) != nil && !MirrorLine.isLinkHeading(text[$0])
        }
    }

    // MARK: - Regions

    static func isHeaderBoilerplate(_ line: ArraySlice<UInt8>) -> Bool {
        MirrorLine.isBlank(line) || MirrorLine.isDashes(line) || MirrorLine.isLinkHeading(line)
    }

    static func isTrailerBoilerplate(_ line: ArraySlice<UInt8>) -> Bool {
        isHeaderBoilerplate(line) || MirrorLine.isTrackingPixel(line)
    }

    /// The index of the share block's `<hr>` line, when one closes the body just above `end`.
    ///
    /// Share lines are short text, links and an image: a line closing a paragraph or a `div` above the
    /// trailer is content, and the search stops there.
    static func shareBlockStart(in text: [UInt8], lines: [Range<Int>], from start: Int, to end: Int) -> Int? {
        var index = end
        var seen = 0
        while index > start, seen < shareBlockLines {
            index -= 1
            let line = MirrorLine.trimmed(text[lines[index]])
            if MirrorLine.hasPrefix(line, "<hr") { return index }
            if MirrorLine.contains(line, "</p") || MirrorLine.contains(line, "</div") { return nil }
            if !line.isEmpty { seen += 1 }
        }
        return nil
    }

    /// The body lines without promo link lines and `---` rules, blank lines trimmed at both ends; in a body of
    /// HTML, the Markdown left in its lines rendered as HTML (`MarkdownInline`). A body of Markdown only (an index
    /// or help page) is left as it is, for the reader to tell it is not an article.
    static func joinedBody(_ text: [UInt8], lines: ArraySlice<Range<Int>>) -> [UInt8] {
        let kept = lines.filter { range in
            let line = text[range]
            // Most lines are HTML: none of the Markdown shapes starts with `<`.
            if MirrorLine.dropIndent(line).first == UInt8(ascii: "<") { return true }
            return !MirrorLine.isDashes(line) && !MirrorLine.isLinkHeading(line) && !MirrorLine.isPromoLinkLine(line)
        }
        guard let first = kept.firstIndex(where: { !MirrorLine.isBlank(text[$0]) }),
              let last = kept.lastIndex(where: { !MirrorLine.isBlank(text[$0]) }) else { return [] }
        let body = kept[first...last]
        let raw = kept.count == lines.count  // nothing dropped: one contiguous run
            ? Array(text[body.first!.lowerBound..<body.last!.upperBound]) : joined(text, body, rendering: [])
        let rendering = Set(body.filter { MarkdownInline.mayRender(text[$0]) }.map(\.lowerBound))
        guard !rendering.isEmpty, MirrorArticleReader.hasTag(raw) else { return raw }
        return joined(text, body, rendering: rendering)
    }

    /// The lines joined by LF, those starting at `rendering` rendered from Markdown.
    private static func joined(_ text: [UInt8], _ lines: ArraySlice<Range<Int>>, rendering: Set<Int>) -> [UInt8] {
        var body: [UInt8] = []
        body.reserveCapacity((lines.last?.upperBound ?? 0) - (lines.first?.lowerBound ?? 0))
        for range in lines {
            if !body.isEmpty { body.append(0x0A) }
            if rendering.contains(range.lowerBound) {
                body.append(contentsOf: MarkdownInline.rendered(text[range]))
            } else {
                body.append(contentsOf: text[range])
            }
        }
        return body
    }

    /// The byte ranges of the lines of `text`, without their LF.
    static func lines(of text: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        lines.reserveCapacity(text.count / 40)
        text.withUnsafeBufferPointer { buffer in
            var start = 0
            for i in 0..<buffer.count where buffer[i] == 0x0A {
                lines.append(start..<i)
                start = i + 1
            }
            if start < buffer.count { lines.append(start..<buffer.count) }
        }
        return lines
    }
}
