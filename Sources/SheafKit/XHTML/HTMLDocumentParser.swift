import CLibXML2

/// Parses an HTML fragment with libxml2's forgiving HTML parser into an `HTMLNode` forest.
///
/// The only file that talks to libxml2 (`XMLWellFormedness`, below, is its strict XML parser): the C tree is copied into Swift values and freed before returning.
/// The copy is made without recursion, and nesting deeper than `maximumDepth` is flattened (see below), so
/// neither this parser nor any rewriter after it can exhaust a thread's stack on pathological input.
struct HTMLDocumentParser: Sendable {
    /// Elements nested deeper than this are not nested further: their content is laid out, in document order,
    /// as siblings inside the element at this depth (each text run keeps its innermost element around it).
    var maximumDepth: Int = 64
    /// Attributes past this many on one tag are cut before parsing (see `AttributeLimit`).
    var attributeLimit = AttributeLimit()
    /// Whether the document's `html`, `head` and `body` elements are kept as elements (a whole page, whose head
    /// says what the page is) rather than the body's content alone (an article's fragment).
    var keepsHead = false

    init(maximumDepth: Int = 64, attributeLimit: AttributeLimit = AttributeLimit(), keepsHead: Bool = false) {
        self.maximumDepth = maximumDepth
        self.attributeLimit = attributeLimit
        self.keepsHead = keepsHead
    }

    /// What came out of one parse.
    struct Result: Sendable, Equatable {
        var nodes: [HTMLNode]
        /// How many elements sat deeper than `maximumDepth` and were flattened.
        var flattenedElements: Int
        /// How many tags had attributes cut by `attributeLimit`.
        var cutTags = 0
    }

    /// libxml2 must be initialised once per process before parsing from several threads.
    fileprivate static let libraryReady: Void = sheaf_xml_init()

    /// The text handed over is UTF-8 already (Swift repaired it): with no encoding named, libxml2 reads the bytes
    /// as UTF-8 where they are (naming "UTF-8" made it convert them into a second buffer), and IGNORE_ENC keeps
    /// a `<meta charset>` inside an article from switching it to another encoding halfway.
    private static let options: Int32 = Int32(bitPattern:
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_HUGE.rawValue)

    /// Parses `html` (any text; characters XML forbids are removed first) into top-level nodes.
    func parse(_ html: String) -> Result {
        _ = Self.libraryReady
        // One buffer, with room for the terminator, changed in place: a long article is not copied again.
        let cleaned = XMLCharacterFilter.cleaned(html)
        var source: [UInt8] = []
        source.reserveCapacity(cleaned.utf8.count + 1)
        source += cleaned.utf8
        var (bytes, cutTags) = attributeLimit.applied(to: consume source)
        Self.markPrefixedTags(&bytes)
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return Result(nodes: [], flattenedElements: 0) }
        bytes.append(0)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlReadMemory($0, Int32(buffer.count - 1), nil, nil, Self.options)
                }
            }
        }
        guard let document else { return Result(nodes: [], flattenedElements: 0) }
        defer { xmlFreeDoc(document) }
        var builder = HTMLTreeBuilder(maximumDepth: maximumDepth)
        walk(children: document.pointee.children, into: &builder)
        var result = builder.result()
        result.cutTags = cutTags
        return result
    }

    // MARK: - Walking the C tree

    /// Visits every node in document order with an explicit cursor (no recursion).
    private func walk(children first: xmlNodePtr?, into builder: inout HTMLTreeBuilder) {
        guard let top = first?.pointee.parent else { return }
        var cursor = first
        while let node = cursor {
            if node.pointee.type == XML_ELEMENT_NODE {
                let name = Self.string(node.pointee.name)
                if !keepsHead, Self.transparentWrappers.contains(name) {
                    builder.open(name: nil, attributes: [:])
                } else if !keepsHead, Self.droppedWrappers.contains(name) {
                    cursor = Self.next(after: node, top: top, builder: &builder)
                    continue
                } else {
                    builder.open(name: name, attributes: Self.attributes(of: node),
                                 isEmpty: node.pointee.children == nil)
                }
                if let child = node.pointee.children {
                    cursor = child
                    continue
                }
                builder.close()
            } else if node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE {
                // Character references can still produce what XML forbids (`&#8;`).
                builder.append(text: DoubleEscapes.decoded(XMLCharacterFilter.cleaned(Self.string(node.pointee.content))))
            }
            cursor = Self.next(after: node, top: top, builder: &builder)
        }
    }

    /// The next node in document order, closing every element left on the way up.
    private static func next(after node: xmlNodePtr, top: xmlNodePtr, builder: inout HTMLTreeBuilder) -> xmlNodePtr? {
        var current = node
        while current.pointee.next == nil {
            guard let parent = current.pointee.parent, parent != top else { return nil }
            builder.close()
            current = parent
        }
        return current.pointee.next
    }

    // MARK: - Before parsing

    /// libxml2 drops the prefix of `<o:p>`-style tags, turning Word's `o:p` into a real `p`; renaming
    /// `prefix:name` to `prefix.name` keeps such tags unknown, so they are unwrapped later like any other.
    static func markPrefixedTags(_ bytes: inout [UInt8]) {
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "/") { index += 1 }
            while index < bytes.count, isNameByte(bytes[index]) {
                if bytes[index] == UInt8(ascii: ":") { bytes[index] = UInt8(ascii: ".") }
                index += 1
            }
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "_"),
             UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    // MARK: - Names

    /// `html` and `body` tags inside a fragment add nothing: their content is kept in place.
    private static let transparentWrappers: Set<String> = ["html", "body"]
    /// `head` holds no body content.
    private static let droppedWrappers: Set<String> = ["head"]

    private static func attributes(of node: xmlNodePtr) -> [String: String] {
        var attributes: [String: String] = [:]
        var property = node.pointee.properties
        while let attribute = property {
            let name = string(attribute.pointee.name)
            var value = ""
            var part = attribute.pointee.children
            while let text = part {
                value += string(text.pointee.content)
                part = text.pointee.next
            }
            if attributes[name] == nil {
                let cleaned = XMLCharacterFilter.cleaned(value)
                attributes[name] = DoubleEscapes.visibleAttributes.contains(name) ? DoubleEscapes.decoded(cleaned) : cleaned
            }
            property = attribute.pointee.next
        }
        return attributes
    }

    private static func string(_ characters: UnsafePointer<xmlChar>?) -> String {
        guard let characters else { return "" }
        return characters.withMemoryRebound(to: CChar.self, capacity: 1) { String(cString: $0) }
    }
}

// MARK: - Well-formed XML

/// Whether a text is well-formed XML (namespaces included), by libxml2's strict XML parser: a page template's
/// output is checked with it before it goes into a book. Nothing is fetched and no DTD or external entity is
/// loaded (no `XML_PARSE_NOENT`/`DTDLOAD`), so an entity the text does not declare is a problem, as in a reader.
enum XMLWellFormedness {
    /// The first problem libxml2 found: its 1-based line and its message.
    struct Problem: Error, Sendable, Equatable {
        var line: Int
        var message: String
    }

    private static let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_HUGE.rawValue)

    /// The first problem in `text`, or nil when it is well-formed.
    static func problem(in text: String) -> Problem? {
        _ = HTMLDocumentParser.libraryReady
        guard let context = xmlNewParserCtxt() else { return Problem(line: 0, message: "out of memory") }
        defer { xmlFreeParserCtxt(context) }
        // The parser goes on after its first error and each later one replaces the context's last error, so
        // the first is caught as it is raised (the handler is the thread's own), then the silent one restored.
        let first = FirstProblem()
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(first).toOpaque()) { box, error in
            guard let box, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let first = Unmanaged<FirstProblem>.fromOpaque(box).takeUnretainedValue()
            guard first.problem == nil else { return }
            var words = error.pointee.message.map { String(cString: $0) } ?? "not well-formed"
            while words.last?.isWhitespace == true { words.removeLast() }
            first.problem = Problem(line: Int(error.pointee.line), message: words)
        }
        defer { xmlSetStructuredErrorFunc(nil, sheaf_xml_silent_structured) }
        var text = text
        let document = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { characters in
                xmlCtxtReadMemory(context, characters.baseAddress, Int32(clamping: characters.count), nil, nil, options)
            }
        }
        if let document { xmlFreeDoc(document) }
        guard document == nil || context.pointee.wellFormed == 0 || context.pointee.nsWellFormed == 0 else {
            return nil
        }
        return first.problem ?? Problem(line: 0, message: text.isEmpty ? "the page is empty" : "not well-formed")
    }

    /// Where the error handler leaves the first problem.
    private final class FirstProblem {
        var problem: Problem?
    }
}
