/// Writes nodes as XHTML text: no namespace declarations, only XML's five named entities (`'` unneeded),
/// attributes in name order, `<br/>`-style void elements. Characters XML cannot carry are dropped.
enum XHTMLSerializer {
    static func serialize(_ node: HTMLNode) -> String {
        var output = ""
        append(node, to: &output)
        return output
    }

    static func append(_ node: HTMLNode, to output: inout String) {
        switch node {
        case .text(let text):
            appendEscaped(text, quotes: false, to: &output)
        case .element(let element):
            output += "<" + element.name
            for name in element.attributes.keys.sorted() {
                output += " " + name + "=\""
                appendEscaped(element.attributes[name] ?? "", quotes: true, to: &output)
                output += "\""
            }
            if HTMLVocabulary.voids.contains(element.name) {
                output += "/>"
                return
            }
            output += ">"
            for child in element.children { append(child, to: &output) }
            output += "</" + element.name + ">"
        }
    }

    private static func appendEscaped(_ text: String, quotes: Bool, to output: inout String) {
        let needsWork = text.unicodeScalars.contains { scalar in
            scalar == "&" || scalar == "<" || scalar == ">" || (quotes && scalar == "\"")
                || !XMLCharacterFilter.isAllowed(scalar)
        }
        guard needsWork else {
            output += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where quotes: output += "&quot;"
            default: if XMLCharacterFilter.isAllowed(scalar) { output.unicodeScalars.append(scalar) }
            }
        }
    }
}
