/// The few words the built-in pages print, in the book's language (Chinese or English).
struct PageLabels: Sendable, Equatable {
    var contents: String
    var landmarks: String
    var titlepage: String
    var bodymatter: String
    var cover: String
    private var isChinese: Bool

    /// Labels for a BCP 47 language tag: Chinese for `zh…`, English otherwise.
    static func forLanguage(_ language: String) -> PageLabels {
        if language.lowercased().hasPrefix("zh") {
            return PageLabels(contents: "目录", landmarks: "导航", titlepage: "书名页", bodymatter: "正文", cover: "封面",
                              isChinese: true)
        }
        return PageLabels(contents: "Contents", landmarks: "Landmarks", titlepage: "Title page", bodymatter: "Start", cover: "Cover",
                          isChinese: false)
    }

    /// `共 3 篇文章`, `3 articles`.
    func articleCount(_ count: Int) -> String {
        if isChinese { return "共 \(count) 篇文章" }
        return count == 1 ? "1 article" : "\(count) articles"
    }
}
