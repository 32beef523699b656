import Foundation

/// A hash of everything a book is made from, so that a re-run can tell a book would come out the same
/// without making it: the volume, its articles' bodies, the templates, the date stamp and Sheaf's output format.
enum VolumeFingerprint {
    /// Bumped whenever Sheaf writes different bytes for the same input: books made before are then rebuilt.
    static let outputFormatVersion = "sheaf-epub-3"

    /// Each article's `bodyHash` stands for its body; `cover` is the user's cover, if any; `device` the profile
    /// the book is made for.
    static func fingerprint(of volume: Volume, templates: TemplateSet,
                            environment: BuildEnvironment, cover: Data? = nil, imageCache: String? = nil,
                            device: DeviceProfile.Device = .generic) -> String {
        var hash = FNV1a()
        hash.feed(outputFormatVersion)
        var coverHash = FNV1a()
        if let cover { coverHash.update(cover) }
        hash.feed(cover == nil ? "" : coverHash.hex)
        hash.feed(imageCache ?? "")
        // Fed only for the other profiles, so that books made before profiles existed stay unchanged.
        if device != .generic { hash.feed("device:" + device.rawValue) }
        hash.feed(environment.sourceDateEpoch.map(String.init) ?? "")
        for text in templates.sourceTexts { hash.feed(text) }
        for field in [volume.collection, volume.key, volume.fileName, volume.title, volume.subtitle ?? "",
                      volume.language] {
            hash.feed(field)
        }
        for section in volume.sections {
            hash.feed("section")
            hash.feed(section.title ?? "")
            for article in section.articles {
                for field in [ArticleKey.key(for: article), article.id, article.channel, article.title,
                              article.date?.description ?? "", article.source ?? "", article.site ?? "",
                              article.bodyHash ?? ""] {
                    hash.feed(field)
                }
            }
        }
        return hash.hex
    }
}
