/// What the tool that saved a page wrote about it, outside the page's own markup: SingleFile's leading comment
/// (`url:` and `saved date:`), a browser's `<!-- saved from url=(0041)https://… -->`, and the `host/path` folders
/// of a `wget -x` mirror.
enum SavedPage {
    /// The page's address and the day it was saved, as its saver's comment gives them.
    struct Facts: Equatable {
        var url: String?
        var date: ArticleDate?
    }

    /// How far into the page the saver's comment is looked for.
    static let window = 2_048

    /// The facts a saver's comment at the start of `utf8` gives.
    static func facts(in utf8: [UInt8]) -> Facts {
        let head = String(decoding: utf8.prefix(window), as: UTF8.self)
        var facts = Facts()
        if let marker = head.range(of: "saved from url=(") {
            // `(0041)` is the address's length.
            var address = head[marker.upperBound...].drop { $0 != ")" }.dropFirst().prefix { !$0.isWhitespace }
            while address.last == "-" || address.last == ">" { address = address.dropLast() }
            facts.url = String(address)
        }
        guard let start = head.range(of: "<!--"), let end = head.range(of: "-->", range: start.upperBound..<head.endIndex),
              head[start.upperBound..<end.lowerBound].contains("SingleFile") else { return normalized(facts) }
        for line in head[start.upperBound..<end.lowerBound].split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("url:") {
                facts.url = trimmed.dropFirst(4).trimmingCharacters(in: .whitespaces)
            } else if trimmed.hasPrefix("saved date:") {
                facts.date = date(ofJavaScriptDate: trimmed.dropFirst(11).trimmingCharacters(in: .whitespaces))
            }
        }
        return normalized(facts)
    }

    private static func normalized(_ facts: Facts) -> Facts {
        var facts = facts
        if let url = facts.url, !(url.hasPrefix("http://") || url.hasPrefix("https://")) { facts.url = nil }
        return facts
    }

    /// The day of a date as JavaScript's `Date.toString` writes it: `Tue Nov 17 2020 12:34:56 GMT+0100 (…)`.
    static func date(ofJavaScriptDate text: String) -> ArticleDate? {
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let words = text.split(separator: " ")
        guard words.count >= 4, let month = months.firstIndex(of: words[1].prefix(3).lowercased()),
              let day = Int(words[2]), let year = Int(words[3]) else { return nil }
        return ArticleDate(year: year, month: month + 1, day: day)
    }

    /// The address of a page a `wget -x` mirror saved at `path` (`…/example.com/2020/05/story.html`): the
    /// nearest folder named like a host, and the path below it. Nil when no folder is named so.
    static func url(ofMirroredFile path: String) -> String? {
        let parts = InputPath.absolute(path).split(separator: "/").map(String.init)
        guard parts.count >= 2 else { return nil }
        for index in stride(from: parts.count - 2, through: 0, by: -1) where isHostName(parts[index]) {
            return "https://" + parts[index...].joined(separator: "/")
        }
        return nil
    }

    /// The folder of a `wget -x` mirror's host that holds the page at `path` (`…/example.com`), whose pictures
    /// may be anywhere below it; nil when no folder above the page is named like a host.
    static func mirrorRoot(ofFile path: String) -> String? {
        let parts = InputPath.absolute(path).split(separator: "/").map(String.init)
        guard parts.count >= 2 else { return nil }
        for index in stride(from: parts.count - 2, through: 0, by: -1) where isHostName(parts[index]) {
            return "/" + parts[...index].joined(separator: "/")
        }
        return nil
    }

    /// `example.com`, `www.news.example.co.uk`: labels of letters, digits and dashes, the last of letters only.
    static func isHostName(_ name: String) -> Bool {
        let labels = name.lowercased().split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let top = labels.last, (2...24).contains(top.count),
              top.allSatisfy({ $0.isASCII && $0.isLetter }),
              !["html", "htm", "xhtml", "files", "warc", "mht", "mhtml", "gz", "md", "txt"].contains(String(top)) else {
            return false
        }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }
}
