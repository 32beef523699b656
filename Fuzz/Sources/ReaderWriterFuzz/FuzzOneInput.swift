@testable import SheafKit

/// One fuzz input: the bytes are one article file. Reading may reject them; a chapter made from them must hold
/// the property checked by `ChapterProperty`, and nothing may crash or hang.
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let file = ArticleFile(path: "fuzz/pages/1/1.md", channel: "1", id: "1")
    guard case .success(var article) = MirrorArticleReader().parse(bytes, file: file) else { return 0 }
    // The body as a build writes it: with what the mirror format says of its images and links.
    article.policy = MirrorFormat().bodyPolicy(ofFile: file.path)
    let (chapter, _) = XHTMLWriter(language: "zh").chapter(for: article)
    for block in chapter.blocks {
        if let violation = ChapterProperty.violation(in: block) {
            fatalError("property violated: \(violation)\n--- block ---\n\(block)")
        }
    }
    return 0
}
