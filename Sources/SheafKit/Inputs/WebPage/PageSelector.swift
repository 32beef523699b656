/// A list of simple CSS selectors, as a recipe's `keep` and `remove` give them: a tag (`article`, `*`), `.class`,
/// `#id`, `[attr]`, `[attr=value]` (also `~=`, `^=`, `$=` and `*=`), joined by descendant (` `) and child (`>`)
/// combinators, several separated by commas: `article .body, div#main > p`.
///
/// It matches elements of the `HTMLNode` tree a page parses to; names are compared in lower case, as libxml2 gives
/// them, and class and id values as written.
public struct PageSelector: Sendable, Equatable, CustomStringConvertible {
    /// One element's conditions: `div.note[data-kind=box]`.
    struct Compound: Sendable, Equatable {
        var name: String?
        var conditions: [Condition] = []
    }

    enum Condition: Sendable, Equatable {
        case hasClass(String)
        case id(String)
        case attribute(String, Match?)
    }

    /// How an attribute's value is compared: `=`, `~=` (one of its words), `^=`, `$=`, `*=`.
    enum Match: Sendable, Equatable {
        case equals(String), word(String), prefix(String), suffix(String), contains(String)

        func accepts(_ value: String) -> Bool {
            switch self {
            case .equals(let wanted): value == wanted
            case .word(let wanted): value.split(whereSeparator: \.isWhitespace).contains { $0 == wanted }
            case .prefix(let wanted): !wanted.isEmpty && value.hasPrefix(wanted)
            case .suffix(let wanted): !wanted.isEmpty && value.hasSuffix(wanted)
            case .contains(let wanted): !wanted.isEmpty && value.contains(wanted)
            }
        }
    }

    /// A compound and how it relates to the compound before it.
    struct Step: Sendable, Equatable {
        enum Combinator: Sendable, Equatable { case descendant, child }
        var combinator: Combinator
        var compound: Compound
    }

    /// The selectors of the list, each its steps from the outermost to the element matched.
    var alternatives: [[Step]]
    /// The list as written.
    public var description: String

    /// The selectors in `text`; an error names the selector and what is wrong with it.
    init(_ text: String) throws {
        description = text
        alternatives = try text.split(separator: ",", omittingEmptySubsequences: false).map { part in
            try Self.parse(String(part), whole: text)
        }
    }

    /// Checks `text` as a selector list; the error says what is wrong with it.
    public static func check(_ text: String) throws {
        _ = try PageSelector(text)
    }

    // MARK: - Parsing

    private static func parse(_ selector: String, whole: String) throws -> [Step] {
        var steps: [Step] = []
        var characters = Array(selector)[...]
        var combinator = Step.Combinator.descendant
        func fail(_ reason: String) -> SheafError {
            SheafError(stage: .read, "the selector '\(whole)': \(reason); a selector is made of tag names, .class, #id, "
                       + "[attr] and [attr=value], joined by spaces or '>' and separated by commas")
        }
        while true {
            var sawSpace = false
            while let first = characters.first, first.isWhitespace { characters.removeFirst(); sawSpace = true }
            guard let first = characters.first else { break }
            if first == ">" {
                guard !steps.isEmpty else { throw fail("'>' has nothing before it") }
                characters.removeFirst()
                combinator = .child
                continue
            }
            if !steps.isEmpty, !sawSpace, combinator == .descendant { throw fail("unexpected '\(first)'") }
            steps.append(Step(combinator: combinator, compound: try compound(&characters, fail: fail)))
            combinator = .descendant
        }
        guard !steps.isEmpty else { throw fail("it is empty") }
        guard combinator == .descendant else { throw fail("'>' has nothing after it") }
        return steps
    }

    private static func compound(_ characters: inout ArraySlice<Character>, fail: (String) -> SheafError) throws -> Compound {
        var compound = Compound()
        if characters.first == "*" {
            characters.removeFirst()
        } else if let first = characters.first, isNameCharacter(first) {
            compound.name = name(&characters).lowercased()
        }
        while let first = characters.first, !first.isWhitespace, first != ">" {
            switch first {
            case ".", "#":
                characters.removeFirst()
                let value = name(&characters)
                guard !value.isEmpty else { throw fail("'\(first)' needs a name after it") }
                compound.conditions.append(first == "." ? .hasClass(value) : .id(value))
            case "[":
                characters.removeFirst()
                compound.conditions.append(try attribute(&characters, fail: fail))
            default:
                throw fail("unexpected '\(first)' (pseudo-classes and other combinators are not supported)")
            }
        }
        return compound
    }

    private static func attribute(_ characters: inout ArraySlice<Character>, fail: (String) -> SheafError) throws -> Condition {
        func skipSpaces() { while characters.first?.isWhitespace == true { characters.removeFirst() } }
        skipSpaces()
        let attribute = name(&characters).lowercased()
        guard !attribute.isEmpty else { throw fail("'[' needs an attribute name after it") }
        skipSpaces()
        var operation = ""
        while let first = characters.first, "~^$*=".contains(first) { operation.append(characters.removeFirst()) }
        guard !operation.isEmpty else {
            guard characters.first == "]" else { throw fail("'[\(attribute)' is not closed by ']'") }
            characters.removeFirst()
            return .attribute(attribute, nil)
        }
        skipSpaces()
        var value = ""
        if let quote = characters.first, quote == "\"" || quote == "'" {
            characters.removeFirst()
            while let next = characters.first, next != quote { value.append(characters.removeFirst()) }
            guard characters.first == quote else { throw fail("a quoted value is not closed") }
            characters.removeFirst()
        } else {
            while let next = characters.first, next != "]", !next.isWhitespace { value.append(characters.removeFirst()) }
        }
        skipSpaces()
        guard characters.first == "]" else { throw fail("'[\(attribute)\(operation)…' is not closed by ']'") }
        characters.removeFirst()
        let match: Match
        switch operation {
        case "=": match = .equals(value)
        case "~=": match = .word(value)
        case "^=": match = .prefix(value)
        case "$=": match = .suffix(value)
        case "*=": match = .contains(value)
        default: throw fail("'\(operation)' is not a comparison (use =, ~=, ^=, $= or *=)")
        }
        return .attribute(attribute, match)
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "-" || character == "_" || character == "\\"
            || !character.isASCII
    }

    private static func name(_ characters: inout ArraySlice<Character>) -> String {
        var name = ""
        while let first = characters.first, isNameCharacter(first) {
            characters.removeFirst()
            // `\:` and the like: the next character taken as it is.
            if first == "\\", let escaped = characters.first {
                characters.removeFirst()
                name.append(escaped)
            } else {
                name.append(first)
            }
        }
        return name
    }

    // MARK: - Matching

    /// Whether `element`, below `ancestors` (outermost first), is matched by one of the selectors.
    func matches(_ element: HTMLElement, ancestors: [HTMLElement]) -> Bool {
        alternatives.contains { steps in Self.matches(steps[...], element: element, ancestors: ancestors[...]) }
    }

    private static func matches(_ steps: ArraySlice<Step>, element: HTMLElement, ancestors: ArraySlice<HTMLElement>) -> Bool {
        guard let last = steps.last, accepts(last.compound, element) else { return false }
        let before = steps.dropLast()
        guard !before.isEmpty else { return true }
        switch last.combinator {
        case .child:
            guard let parent = ancestors.last else { return false }
            return matches(before, element: parent, ancestors: ancestors.dropLast())
        case .descendant:
            var rest = ancestors
            while let ancestor = rest.popLast() {
                if matches(before, element: ancestor, ancestors: rest) { return true }
            }
            return false
        }
    }

    private static func accepts(_ compound: Compound, _ element: HTMLElement) -> Bool {
        if let name = compound.name, name != element.name { return false }
        return compound.conditions.allSatisfy { condition in
            switch condition {
            case .hasClass(let wanted):
                return (element.attributes["class"] ?? "").split(whereSeparator: \.isWhitespace).contains { $0 == wanted }
            case .id(let wanted):
                return element.attributes["id"] == wanted
            case .attribute(let name, let match):
                guard let value = element.attributes[name] else { return false }
                return match?.accepts(value) ?? true
            }
        }
    }

    // MARK: - Keeping and removing

    /// `nodes` without the elements any of `selectors` matches; `removed` counts them.
    static func removing(_ selectors: [PageSelector], from nodes: [HTMLNode]) -> (nodes: [HTMLNode], removed: Int) {
        guard !selectors.isEmpty else { return (nodes, 0) }
        var removed = 0
        var ancestors: [HTMLElement] = []
        func visit(_ nodes: [HTMLNode]) -> [HTMLNode] {
            nodes.compactMap { node in
                guard case .element(let element) = node else { return node }
                if selectors.contains(where: { $0.matches(element, ancestors: ancestors) }) {
                    removed += 1
                    return nil
                }
                ancestors.append(element)
                defer { ancestors.removeLast() }
                return .element(element.with(children: visit(element.children)))
            }
        }
        return (visit(nodes), removed)
    }

    /// The elements of `nodes` some selector matches, in the page's order, each whole (one inside another that
    /// matches is not taken twice).
    static func kept(by selectors: [PageSelector], in nodes: [HTMLNode]) -> [HTMLNode] {
        var kept: [HTMLNode] = []
        var ancestors: [HTMLElement] = []
        func visit(_ nodes: [HTMLNode]) {
            for case .element(let element) in nodes {
                if selectors.contains(where: { $0.matches(element, ancestors: ancestors) }) {
                    kept.append(.element(element))
                    continue
                }
                ancestors.append(element)
                visit(element.children)
                ancestors.removeLast()
            }
        }
        visit(nodes)
        return kept
    }
}
