import Testing
@testable import SheafKit

@Suite struct MustacheTagsTests {
    @Test func findsEachTagWithItsKindNameAndLine() {
        let text = "<p>{{ title }}</p>\n{{#sections}}{{{body}}}{{&raw}}\n{{^empty}}{{/empty}}{{/sections}}\n"
            + "{{! a\ncomment }}{{> footer}}{{uppercased(title)}}{{index()}}"
        let tags = MustacheTags.scan(text)
        #expect(tags.map(\.kind) == [.variable, .section, .unescaped, .unescaped, .inverted, .close, .close, .other,
                                     .partial, .variable, .variable])
        #expect(tags.map(\.name) == ["title", "sections", "body", "raw", "empty", "empty", "sections", "a\ncomment",
                                     "footer", "title", ""])
        #expect(tags.map(\.line) == [1, 2, 2, 2, 3, 3, 3, 4, 5, 5, 5])
        #expect(tags[0].bytes == 3..<14)
        #expect(tags[2].bytes.count == "{{{body}}}".utf8.count)
    }

    @Test func followsChangedDelimiters() {
        let tags = MustacheTags.scan("{{=<% %>=}}\n<%title%> {{not}} <%#a%><%/a%><%={{ }}=%>{{date}}")
        #expect(tags.map(\.kind) == [.other, .variable, .section, .close, .other, .variable])
        #expect(tags.map(\.name) == ["<% %>", "title", "a", "a", "{{ }}", "date"])
        #expect(tags.map(\.line) == [1, 2, 2, 2, 2, 2])
    }

    @Test func theSkeletonKeepsLinesAndEachSectionOnce() {
        let text = "<a>\n{{#x}}<b>{{/x}}{{^x}}<c>{{/x}}</b>{{! one\ntwo }}\n{{#y}}<d/>{{/y}}</a>"
        let skeleton = TemplateCheck.skeleton(Array(text.utf8), tags: MustacheTags.scan(text))
        #expect(String(decoding: skeleton, as: UTF8.self) == "<a>\n<b></b>\n\n<d/></a>")
        let declared = "{{! note }}\n{{#kobo}}\n<?xml version=\"1.0\"?>\n<a/>"
        #expect(String(decoding: TemplateCheck.skeleton(Array(declared.utf8), tags: MustacheTags.scan(declared)),
                       as: UTF8.self) == "<?xml version=\"1.0\"?>\n\n\n<a/>")
    }
}
