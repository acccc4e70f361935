import Testing

@testable import EcoprodGrid

/// The workbook's XML reader on its own: what it reads, and what it refuses, with the kind of
/// refusal and its line and column. Every part of a grid comes from outside, so each refusal
/// is a row of a table.
@Suite struct XMLDocumentReaderTests {
    static func read(_ text: String, maxDepth: Int = 8) throws(XMLDocumentReader.Failure) -> XMLElement {
        var reader = XMLDocumentReader(maxDepth: maxDepth)
        return try reader.read(Array(text.utf8))
    }

    /// Documents that are read, and the text and attribute found in them.
    static let accepted: [(document: String, text: String, attribute: String?)] = [
        ("<a x=\"1\">t</a>", "t", "1"),
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a x='1'>t</a>", "t", "1"),
        ("<a x=\"&lt;&amp;&gt;\">&quot;&apos;</a>", "\"'", "<&>"),
        ("<a>&#233;&#xE9;</a>", "éé", nil),
        ("<a><![CDATA[<b>&amp;</b>]]></a>", "<b>&amp;</b>", nil),
        ("<a>one\r\ntwo\rthree</a>", "one\ntwo\nthree", nil),
        ("<!-- before --><a><!-- inside -->t</a>", "t", nil),
        ("<x:a xmlns:x=\"urn:x\" x:x=\"2\">t</x:a>", "t", "2"),
    ]

    @Test(arguments: accepted)
    func aWellFormedPartIsRead(_ entry: (document: String, text: String, attribute: String?)) throws {
        let root = try Self.read(entry.document)
        #expect(root.localName == "a")
        #expect(root.text == entry.text)
        #expect(root.attribute("x") == entry.attribute)
    }

    /// What is refused, by kind, with where the reader stopped.
    static let refused: [(document: String, kind: XMLDocumentReader.Failure.Kind, line: Int)] = [
        ("<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>", .documentType, 1),
        ("<a>&e;</a>", .unknownEntity("e"), 1),
        ("<a>\n&nbsp;</a>", .unknownEntity("nbsp"), 2),
        ("<a><a><a><a><a><a><a><a><a>deep</a></a></a></a></a></a></a></a></a>", .tooDeep(8), 1),
        ("<a>", .malformed("unclosed element <a>"), 1),
        ("<a></b>", .malformed("</b> closes <a>"), 1),
        ("<a x=\"<\">t</a>", .malformed("'<' in the value of attribute x"), 1),
    ]

    @Test(arguments: refused)
    func aHostilePartIsRefusedWithItsPlace(_ entry: (document: String, kind: XMLDocumentReader.Failure.Kind, line: Int))
    {
        do {
            let root = try Self.read(entry.document)
            Issue.record("read \(root.name) from a document that must be refused")
        } catch {
            #expect(error.kind == entry.kind, "\(error.message)")
            #expect(error.line == entry.line)
            #expect(error.column >= 1)
        }
    }

    @Test func aPartThatIsNotUTF8IsRefused() {
        var reader = XMLDocumentReader(maxDepth: 8)
        #expect(throws: XMLDocumentReader.Failure.self) {
            try reader.read([0x3C, 0x61, 0x3E, 0xFF, 0x3C, 0x2F, 0x61, 0x3E])
        }
    }
}
