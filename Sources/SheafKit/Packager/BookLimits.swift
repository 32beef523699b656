import Foundation

/// Caps on one book, applied by the packager after its articles are normalized: how many images it stores and
/// how large its files may be. Article counts and text size are capped earlier, by `VolumeLimits` (which
/// splits a volume into parts); images arrive only with normalization, so they are capped here.
struct BookLimits: Sendable, Equatable {
    /// 2,000 pictures: far more than any week of news holds, and still a book a reader opens quickly.
    static let defaultMaxImages = 2_000
    /// 2 GiB of files before compression: under the 4 GiB where zip needs its 64-bit extension, which some
    /// readers lack.
    static let defaultMaxBytes = 2 << 30

    /// Images stored per book; the ones after this many (in reading order) become placeholders.
    var maxImages = BookLimits.defaultMaxImages
    /// The sum of the book's file sizes before compression; a larger book is not written.
    var maxBytes = BookLimits.defaultMaxBytes

    /// The image cap, applied one chapter at a time in reading order (a volume's chapters need not all be in
    /// memory at once): at most `maxImages` distinct images are stored, every later image's `<img>` becomes the
    /// placeholder a remote image gets (its description kept), and a note for the report says how many.
    func imageCap() -> ImageCap { ImageCap(maxImages: maxImages) }

    struct ImageCap: Sendable {
        let maxImages: Int
        /// The distinct images stored so far, and those shown as placeholders.
        private var kept: Set<String> = []
        private var dropped: Set<String> = []

        init(maxImages: Int) { self.maxImages = maxImages }

        /// The next chapter, its images past the cap replaced by placeholders.
        mutating func limit(_ chapter: Chapter, language: String) -> Chapter {
            var chapter = chapter
            let over = chapter.images.filter { image in
                if kept.contains(image.name) { return false }
                if kept.count < maxImages { kept.insert(image.name); return false }
                return true
            }
            guard !over.isEmpty else { return chapter }
            let names = Set(over.map(\.name))
            dropped.formUnion(names)
            chapter.images.removeAll { names.contains($0.name) }
            chapter.blocks = chapter.blocks.map { BookLimits.replacingImages(names, in: $0, language: language) }
            return chapter
        }

        /// The report's note when the cap was reached.
        func note(file: String) -> Diagnostic? {
            guard !dropped.isEmpty else { return nil }
            return Diagnostic(.warning, stage: .assemble, file: file,
                              "the book reached its limit of \(maxImages) images: \(dropped.count) more "
                              + "are shown as placeholders")
        }
    }

    /// Throws when the book's files add up to more than `maxBytes`, before anything is written.
    func checkSize(of book: Book, file: String) throws {
        let bytes = book.resources.reduce(0) { $0 + $1.size }
        guard bytes > maxBytes else { return }
        throw SheafError(stage: .write, file: file,
                         "the book would hold \(bytes / 1_048_576) MiB, above the limit of \(maxBytes / 1_048_576) MiB "
                         + "per book: not written; split the volume with --max-size or --max-articles")
    }

    /// Each serialized `<img … src="../images/NAME" …/>` of one of `names` replaced by a placeholder `<span>`.
    static func replacingImages(_ names: Set<String>, in block: String, language: String) -> String {
        guard block.contains("<img") else { return block }
        var output = ""
        var rest = Substring(block)
        while let start = rest.range(of: "<img "), let end = tagEnd(in: rest[start.upperBound...]) {
            let tag = rest[start.lowerBound..<end]
            output += rest[..<start.lowerBound]
            rest = rest[end...]
            guard let name = attribute("src", of: tag).map({ $0.hasPrefix("../images/") ? String($0.dropFirst(10)) : $0 }),
                  names.contains(name) else { output += tag; continue }
            // The alt text is already escaped for XML, so it goes into the placeholder's text as it is.
            let wording = ReplaceImages(language: language).wording(alt: attribute("alt", of: tag) ?? "")
            output += "<span class=\"\(ReplaceImages.placeholderClass)\">\(wording)</span>"
        }
        return output + rest
    }

    /// Just after the `>` closing a tag whose attributes start `text`, quoted values skipped (they may hold `>`).
    private static func tagEnd(in text: Substring) -> Substring.Index? {
        var quoted = false
        for index in text.indices {
            switch text[index] {
            case "\"": quoted.toggle()
            case ">" where !quoted: return text.index(after: index)
            default: continue
            }
        }
        return nil
    }

    /// The value of `name="…"` in a serialized tag (the serializer always writes double quotes).
    private static func attribute(_ name: String, of tag: Substring) -> String? {
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        let value = tag[start.upperBound...].prefix { $0 != "\"" }
        return String(value)
    }
}
