/// A page saved as one MHTML file (`.mht`, `.mhtml`), as Chrome's "Save as single file" and Internet Explorer
/// write it: a MIME `multipart/related` message whose root part is the page's HTML and whose other parts are
/// its pictures, style sheets and frames, each named by `Content-Location` (and often `Content-ID`).
struct MHTMLDocument: Sendable, Equatable {
    /// A part other than the root: a picture, a style sheet, a frame.
    struct Resource: Sendable, Equatable {
        /// The part's media type in lower case (`image/png`).
        var mediaType: String
        /// The part's bytes, transfer encoding undone.
        var bytes: [UInt8]
    }

    /// The page's HTML, transfer encoding undone (in its own charset).
    var root: [UInt8]
    /// The root part's charset, in lower case, when its `Content-Type` names one.
    var rootCharset: String?
    /// The page's own URL: the root's `Content-Location`, or the file's `Snapshot-Content-Location`.
    var rootLocation: String?
    /// The other parts by `Content-Location` URL and by `cid:` reference (`cid:` and the `Content-ID` without
    /// its `<>`): a part with both is found under both.
    var resources: [String: Resource]
    /// What was repaired or left out, in words for a user.
    var notes: [String] = []

    // MARK: - Reading

    /// The saved page in `bytes`; the reason when no HTML page can be found in them.
    static func read(_ bytes: [UInt8]) -> Result<MHTMLDocument, WebArchiveProblem> {
        let split = MIMEPart.split(bytes[...])
        let mediaType = MediaType(split.headers["Content-Type"] ?? "")
        let location = split.headers["Snapshot-Content-Location"] ?? split.headers["Content-Location"]
        if mediaType.isHTML {
            let part = MIMEPart(headers: split.headers, body: split.body)
            return .success(MHTMLDocument(root: part.decoded(), rootCharset: mediaType.charset,
                                          rootLocation: location, resources: [:]))
        }
        let boundary = mediaType.parameters["boundary"].flatMap { $0.isEmpty ? nil : $0 }
        switch MIMEPart.boundary(in: split.body, declared: boundary) {
        case .found(let found, let note):
            let parts = MIMEPart.parts(of: split.body, boundary: found)
            var document = assemble(parts, start: mediaType.parameters["start"], location: location)
            document?.notes.insert(contentsOf: note.map { [$0] } ?? [], at: 0)
            return document.map { .success($0) }
                ?? .failure(WebArchiveProblem(at: nil, "not a saved page: the MHTML file holds no HTML part"))
        case .missing(let reason):
            return wholeAsHTML(split, reason: reason, location: location)
        }
    }

    /// The document from its parts: the root named by `start` (a `Content-ID`) or the first HTML part, and the
    /// others as resources; nil when there is no HTML part.
    private static func assemble(_ parts: [MIMEPart], start: String?, location: String?) -> MHTMLDocument? {
        let startID = start.map(MIMEPart.unbracketed)
        let rootIndex = parts.firstIndex { startID != nil && $0.contentID == startID }
            ?? parts.firstIndex { $0.mediaType.isHTML }
        guard let rootIndex else { return nil }
        let root = parts[rootIndex]
        var document = MHTMLDocument(root: root.decoded(), rootCharset: root.mediaType.charset,
                                     rootLocation: root.location ?? location, resources: [:])
        for (index, part) in parts.enumerated() where index != rootIndex {
            let name = part.location ?? part.contentID.map { "cid:" + $0 } ?? "part \(index + 1)"
            let bytes = part.decoded()
            guard bytes.count <= WebArchiveLimits.imageBytes else {
                document.notes.append("\(name) is left out: it is larger than "
                    + GzipStream.megabytes(WebArchiveLimits.imageBytes))
                continue
            }
            let resource = Resource(mediaType: part.mediaType.essence, bytes: bytes)
            if let location = part.location, document.resources[location] == nil {
                document.resources[location] = resource
            }
            if let id = part.contentID { document.resources["cid:" + id] = resource }
        }
        return document
    }

    /// The file's body read as one HTML page when its parts cannot be told apart; the reason when it is no page.
    private static func wholeAsHTML(_ split: (headers: HeaderFields, body: ArraySlice<UInt8>), reason: String,
                                    location: String?) -> Result<MHTMLDocument, WebArchiveProblem> {
        let html = MIMEPart(headers: split.headers, body: split.body).decoded()
        guard WebPageFormat.looksLikeDocument(Array(html.prefix(4096)))
            || String(decoding: html.prefix(4096), as: UTF8.self).lowercased().contains("<html") else {
            return .failure(WebArchiveProblem(at: nil, "not a saved page: \(reason), and the file is no HTML page"))
        }
        return .success(MHTMLDocument(root: html, rootCharset: nil, rootLocation: location, resources: [:],
                                      notes: ["\(reason): the file is read as one HTML page, without its pictures"]))
    }
}
