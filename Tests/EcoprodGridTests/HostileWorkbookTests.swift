import EcoprodReports
import Foundation
import TestSupport
import Testing

@testable import EcoprodFramework
@testable import EcoprodGrid

/// Each hostile workbook is refused with its own code and a clear message, before it costs
/// memory: bombs, traversal, entities, depth, missing parts, truncation, encryption.
@Suite struct HostileWorkbookTests {
    private func grid() throws -> (FrameworkBundle, [UInt8]) {
        let bundle = try shippedRelease("1.1.0")
        return (bundle, try GridWriter(locale: "fr").write(bundle, fill: GridWriter.Fill(answers: richAnswers(bundle))))
    }

    /// The one diagnostic a refused workbook gets.
    private func refusal(
        _ bytes: [UInt8], limits: GridLimits = .default, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> Diagnostic {
        let bundle = try shippedRelease("1.1.0")
        let (result, diagnostics) = importGrid(bytes, bundle: bundle, limits: limits)
        #expect(result == nil, sourceLocation: sourceLocation)
        return try #require(diagnostics.first, sourceLocation: sourceLocation)
    }

    @Test func aZipBombIsRefusedByItsCompressionRatio() throws {
        var parts = try GridParts(try grid().1)
        parts.set("xl/media/bomb.bin", [UInt8](repeating: 0, count: 4 << 20))
        let diagnostic = try refusal(try parts.package())
        #expect(diagnostic.code == .gridLimit)
        #expect(diagnostic.message.contains("xl/media/bomb.bin would expand"))
    }

    @Test func aPackageOverTheUncompressedLimitIsRefused() throws {
        let limits = GridLimits(
            maxFileBytes: 1 << 20, maxEntries: 256, maxUncompressedBytes: 50_000, maxCompressionRatio: 200,
            maxXMLDepth: 64)
        let diagnostic = try refusal(try grid().1, limits: limits)
        #expect(diagnostic.code == .gridLimit)
        #expect(diagnostic.message.contains("past 50000 bytes"))
    }

    @Test func anEntryThatLiesAboutItsSizeIsStoppedWhileDecompressing() throws {
        var bytes = try grid().1
        // Declare the grid sheet 10 bytes long in the central directory: decompression stops at 10.
        let directory = try ZIPDirectory(bytes, limits: .default)
        let name = Array("xl/worksheets/sheet2.xml".utf8)
        let headerStart = try #require(
            centralDirectoryHeaders(bytes).first { offset in
                Array(bytes[offset + 46..<offset + 46 + name.count]) == name
            })
        #expect(directory.entries.contains { $0.path == "xl/worksheets/sheet2.xml" })
        bytes.replaceSubrange(headerStart + 24..<headerStart + 28, with: [10, 0, 0, 0])
        let diagnostic = try refusal(bytes)
        #expect(diagnostic.code == .gridLimit)
        #expect(diagnostic.message.contains("xl/worksheets/sheet2.xml"))
    }

    /// Found by the fuzzer: ZIPFoundation's in-memory reader trapped on an entry whose local
    /// header lies past the data. Every entry's header and data are now checked to lie in the file.
    @Test(arguments: [0xFFFF_FF00, 0x0010_0000, 3])
    func anEntryWhoseLocalHeaderLiesOutsideTheFileIsRefused(offset: Int) throws {
        var bytes = try grid().1
        let header = try #require(centralDirectoryHeaders(bytes).last)
        bytes.replaceSubrange(
            header + 42..<header + 46,
            with: [
                UInt8(offset & 0xFF), UInt8(offset >> 8 & 0xFF), UInt8(offset >> 16 & 0xFF), UInt8(offset >> 24 & 0xFF),
            ])
        let diagnostic = try refusal(bytes)
        #expect(diagnostic.code == .gridNotAWorkbook)
        #expect(diagnostic.message.contains("local header"))
    }

    @Test func tooManyEntriesAreRefusedBeforeAnyIsRead() throws {
        var parts = try GridParts(try grid().1)
        for index in 0..<300 { parts.set("xl/extra/\(index).xml", "<x/>") }
        let diagnostic = try refusal(try parts.package())
        #expect(diagnostic.code == .gridLimit)
        #expect(diagnostic.message.contains("more than 256 entries"))
    }

    @Test(arguments: ["../../evil.xml", "/etc/evil.xml", "xl\\..\\evil.xml", "C:/evil.xml", "xl/../../evil.xml"])
    func entriesNamedOutsideThePackageAreRefused(name: String) throws {
        var parts = try GridParts(try grid().1)
        parts.set(name, "<x/>")
        let diagnostic = try refusal(try parts.package())
        #expect(diagnostic.code == .gridUnsafePath)
        #expect(diagnostic.message.contains(name))
    }

    @Test func aDocumentTypeIsRefusedAndNeverResolved() throws {
        var parts = try GridParts(try grid().1)
        let workbook = parts.text("xl/workbook.xml").replacingOccurrences(
            of: "<workbook ",
            with: "<!DOCTYPE workbook [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>\n<workbook ")
        parts.set("xl/workbook.xml", workbook)
        let diagnostic = try refusal(try parts.package())
        #expect(diagnostic.code == .gridXML)
        #expect(diagnostic.message.contains("DOCTYPE"))
        #expect(diagnostic.location.cell == "xl/workbook.xml")
    }

    @Test func anExternalEntityIsRefusedAndNeverFetched() throws {
        var parts = try GridParts(try grid().1)
        let sheet = parts.text("xl/worksheets/sheet4.xml").replacingOccurrences(
            of: "<worksheet ", with: "<!DOCTYPE x [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n<worksheet ")
        parts.set(
            "xl/worksheets/sheet4.xml", sheet.replacingOccurrences(of: "<t>ecoprod-grid/1</t>", with: "<t>&secret;</t>")
        )
        let diagnostic = try refusal(try parts.package())
        #expect(diagnostic.code == .gridXML)
        #expect(!diagnostic.message.contains("root:"))
    }

    @Test func anUndeclaredEntityIsRefused() throws {
        var parts = try GridParts(try grid().1)
        parts.replace("<t>ecoprod-grid/1</t>", with: "<t>&nbsp;</t>", in: "xl/worksheets/sheet4.xml")
        let diagnostic = try refusal(try parts.package())
        #expect(diagnostic.code == .gridXML)
        #expect(diagnostic.message.contains("'&nbsp;'"))
    }

    /// A part is validated as UTF-8 once, as a whole; a bad byte is still named at its line and
    /// column (here a Latin-1 'é' on the second line, after `<t>caf`).
    @Test(arguments: [[0xE9], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]] as [[UInt8]])
    func aPartThatIsNotUTF8IsRefusedAtItsByte(bad: [UInt8]) throws {
        var parts = try GridParts(try grid().1)
        let part = "xl/worksheets/sheet4.xml"
        let text = parts.text(part)
        let start = try #require(text.range(of: "<sheetData>")).upperBound
        let head = Array(text[..<start].utf8) + Array("\n<row r=\"99\"><c r=\"A99\" t=\"inlineStr\"><is><t>caf".utf8)
        parts.set(part, head + bad + Array("</t></is></c></row>".utf8) + Array(text[start...].utf8))
        let diagnostic = try refusal(try parts.package())
        #expect(diagnostic.code == .gridXML)
        let line = head.split(separator: 0x0A, omittingEmptySubsequences: false).count
        let column = head.count - (head.lastIndex(of: 0x0A) ?? -1)
        #expect(
            diagnostic.message.contains("\(part), line \(line), column \(column): the part is not UTF-8"),
            "\(diagnostic.message)")
    }

    @Test func deepNestingIsRefusedAtTheLimit() throws {
        var parts = try GridParts(try grid().1)
        let deep = String(repeating: "<x>", count: 10_000) + String(repeating: "</x>", count: 10_000)
        parts.replace("<sheetData>", with: "<sheetData>" + deep, in: "xl/worksheets/sheet1.xml")
        let diagnostic = try refusal(try parts.package())
        #expect(diagnostic.code == .gridXML)
        #expect(diagnostic.message.contains("deeper than 64"))
    }

    @Test(arguments: ["xl/worksheets/sheet2.xml", "xl/workbook.xml", "[Content_Types].xml", "_rels/.rels"])
    func aMissingPartIsNamed(part: String) throws {
        var parts = try GridParts(try grid().1)
        parts.remove(part)
        let diagnostic = try refusal(try parts.package())
        #expect(diagnostic.code == .gridMissingPart)
        #expect(diagnostic.message.contains(part))
    }

    @Test func aWorkbookWithoutTheIdentitySheetIsNotAGrid() throws {
        var parts = try GridParts(try grid().1)
        parts.replace(#"<sheet name="ecoprod""#, with: #"<sheet name="Feuil4""#, in: "xl/workbook.xml")
        let diagnostic = try refusal(try parts.package())
        #expect(diagnostic.code == .gridIdentity)
    }

    @Test(arguments: [Array("id,status\nA1,met\n".utf8), [], Array("PK".utf8)])
    func aFileThatIsNotAZipIsRefused(bytes: [UInt8]) throws {
        let diagnostic = try refusal(bytes)
        #expect(diagnostic.code == .gridNotAWorkbook)
    }

    @Test(arguments: [0.1, 0.5, 0.9, 0.99])
    func aTruncatedWorkbookIsRefused(fraction: Double) throws {
        let bytes = try grid().1
        let diagnostic = try refusal(Array(bytes.prefix(Int(Double(bytes.count) * fraction))))
        #expect(diagnostic.code == .gridNotAWorkbook)
    }

    @Test func anEncryptedWorkbookSaysToRemoveThePassword() throws {
        // An Office file encrypted with a password is an OLE compound file, not a zip.
        let compound: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        let diagnostic = try refusal(compound)
        #expect(diagnostic.code == .gridEncrypted)
        #expect(diagnostic.message.contains("password"))
        #expect(diagnostic.help?.contains("remove the password") == true)
    }

    @Test func aZipEntryMarkedEncryptedIsRefused() throws {
        var bytes = try grid().1
        let directory = try #require(centralDirectoryHeaders(bytes).first)
        bytes[directory + 8] |= 1
        let diagnostic = try refusal(bytes)
        #expect(diagnostic.code == .gridEncrypted)
    }

    @Test func aFileOverTheSizeLimitIsRefusedUnread() throws {
        let limits = GridLimits(
            maxFileBytes: 1_000, maxEntries: 256, maxUncompressedBytes: 1 << 20, maxCompressionRatio: 200,
            maxXMLDepth: 64)
        let diagnostic = try refusal(try grid().1, limits: limits)
        #expect(diagnostic.code == .gridLimit)
    }
}

/// The offsets of a zip file's central-directory headers (signature PK\u{1}\u{2}).
private func centralDirectoryHeaders(_ bytes: [UInt8]) -> [Int] {
    let signature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
    var offsets: [Int] = []
    var offset = 0
    while offset + 50 < bytes.count {
        if Array(bytes[offset..<offset + 4]) == signature { offsets.append(offset) }
        offset += 1
    }
    return offsets
}
