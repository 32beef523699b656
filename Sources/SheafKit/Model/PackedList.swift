/// A value that can be written as bytes into a `PackedList` and read back equal.
///
/// Internal, like the list: how a plan holds its articles is no part of the model others see.
protocol Packable {
    func pack(into writer: inout PackedWriter)
    init(unpacking reader: inout PackedReader)
}

/// A list of values held as bytes: every element's fields back to back in one buffer, and where each starts.
///
/// A plan or a report keeps one line for each article of the collection; as Swift values each line is a
/// dozen allocations (a title, a source, an array of paths…), which is most of what a large collection's
/// build holds. Packed, a line costs its text and a few bytes, in two allocations per list; an element is
/// unpacked when it is read, so a volume's articles are values again only while that volume is made.
/// Encodes as a JSON array of its elements, as an `Array` would.
struct PackedList<Element: Packable>: Sendable {
    private var bytes: [UInt8] = []
    private var starts: [Int] = []

    init() {}

    /// The elements packed once, the buffers no larger than they need be: a plan keeps them until the end.
    init<S: Sequence>(_ elements: S) where S.Element == Element {
        var writer = PackedWriter(bytes: [])
        starts.reserveCapacity(elements.underestimatedCount)
        for element in elements {
            starts.append(writer.bytes.count)
            element.pack(into: &writer)
        }
        bytes = writer.bytes.capacity > writer.bytes.count + writer.bytes.count / 16 ? Array(writer.bytes[...]) : writer.bytes
        if starts.capacity > starts.count + starts.count / 16 { starts = Array(starts[...]) }
    }
}

extension PackedList: RandomAccessCollection, MutableCollection, RangeReplaceableCollection {
    var startIndex: Int { 0 }
    var endIndex: Int { starts.count }

    subscript(position: Int) -> Element {
        get {
            var reader = PackedReader(bytes: bytes, position: starts[position])
            return Element(unpacking: &reader)
        }
        set {
            // The old bytes stay behind unused: lists are rarely changed in place (a filter builds a new one).
            starts[position] = pack(newValue)
        }
    }

    mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with elements: C)
        where C.Element == Element {
        if subrange == startIndex..<endIndex { bytes.removeAll(keepingCapacity: true) }
        starts.replaceSubrange(subrange, with: elements.map { pack($0) })
    }

    /// Appends `element`'s bytes; returns where they start.
    private mutating func pack(_ element: Element) -> Int {
        var writer = PackedWriter(bytes: [])
        swap(&writer.bytes, &bytes)
        defer { swap(&writer.bytes, &bytes) }
        let start = writer.bytes.count
        element.pack(into: &writer)
        return start
    }

    mutating func append(_ element: Element) {
        starts.append(pack(element))
    }

    mutating func reserveCapacity(_ n: Int) {
        starts.reserveCapacity(n)
    }

    /// The lists' elements one after another, their bytes copied once into a buffer of the right size; each
    /// list is emptied once copied, so that its buffer can go before the next one is copied.
    init(joining lists: inout [PackedList]) {
        bytes.reserveCapacity(lists.reduce(0) { $0 + $1.bytes.count })
        starts.reserveCapacity(lists.reduce(0) { $0 + $1.starts.count })
        for index in lists.indices {
            let shift = bytes.count
            bytes += lists[index].bytes
            starts += lists[index].starts.lazy.map { $0 + shift }
            lists[index] = PackedList()
        }
    }
}

extension PackedList: ExpressibleByArrayLiteral {
    init(arrayLiteral elements: Element...) {
        self.init(elements)
    }
}

extension PackedList: Equatable where Element: Equatable {
    static func == (lhs: PackedList, rhs: PackedList) -> Bool {
        lhs.count == rhs.count && zip(lhs, rhs).allSatisfy(==)
    }
}

extension PackedList: Codable where Element: Codable {
    init(from decoder: Decoder) throws {
        self.init(try [Element](from: decoder))
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.unkeyedContainer()
        for element in self { try container.encode(element) }
    }
}

extension PackedList: CustomStringConvertible {
    var description: String { Array(self).description }
}

// MARK: - Bytes

/// Appends fields to a `PackedList`'s buffer: integers as variable-length numbers, text as its length and UTF-8.
struct PackedWriter {
    fileprivate var bytes: [UInt8]

    mutating func write(_ value: Int) {
        // Zigzag, so that small negative numbers stay short too.
        var rest = UInt64(bitPattern: Int64(value << 1 ^ value >> (Int.bitWidth - 1)))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func write(_ value: Int?) {
        write(value == nil ? 0 : 1)
        if let value { write(value) }
    }

    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            write(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func write(_ text: String?) {
        guard let text else { return write(-1) }
        write(text)
    }

    mutating func write(_ texts: [String]) {
        write(texts.count)
        for text in texts { write(text) }
    }
}

/// Reads back, in the same order, the fields a `PackedWriter` wrote.
struct PackedReader {
    fileprivate let bytes: [UInt8]
    fileprivate var position: Int

    mutating func readInt() -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: value >> 1) ^ -Int64(value & 1))
    }

    mutating func readOptionalInt() -> Int? {
        readInt() == 0 ? nil : readInt()
    }

    mutating func readString() -> String {
        let count = readInt()
        defer { position += count }
        return String(decoding: bytes[position..<position + count], as: UTF8.self)
    }

    mutating func readOptionalString() -> String? {
        let count = readInt()
        guard count >= 0 else { return nil }
        defer { position += count }
        return String(decoding: bytes[position..<position + count], as: UTF8.self)
    }

    mutating func readStrings() -> [String] {
        (0..<readInt()).map { _ in readString() }
    }
}
