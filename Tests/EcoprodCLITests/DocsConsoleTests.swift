import Foundation
import TestSupport
import Testing

/// Docs that run: every `console` block of README.md and docs/ runs through the real binary,
/// and what it prints must be what the page shows (docs/testing.md#docs-that-run).
///
/// Set `ECOPROD_RECORD_DOCS=1` to re-record: each command that drifted gets its actual output
/// written into the page (its wildcards are lost, so put back the `[..]` a digest or date needs).
@Suite struct DocsConsoleTests {
    /// README.md and every Markdown page under docs/, relative to the root.
    static let pages: [String] = {
        let docs = packageRoot.appendingPathComponent("docs")
        let found = FileManager.default.enumerator(atPath: docs.path)?.compactMap { $0 as? String } ?? []
        return ["README.md"] + found.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    }()

    @Test(arguments: pages)
    func consoleBlocksPrintWhatThePageSays(_ path: String) throws {
        let url = packageRoot.appendingPathComponent(path)
        let page = ConsolePage(path: path, text: try String(contentsOf: url, encoding: .utf8))
        guard !page.blocks.isEmpty else { return }
        let session = try ConsoleSession(binary: ecoprodBinary())
        defer { session.remove() }
        let mismatches = try session.run(page)
        if ProcessInfo.processInfo.environment["ECOPROD_RECORD_DOCS"] == "1", !mismatches.isEmpty {
            let text = page.replacingOutputs(mismatches.map { ($0.command.outputLines, $0.recorded) })
            try Data(text.utf8).write(to: url, options: .atomic)
            return
        }
        for mismatch in mismatches {
            Issue.record(
                """
                \(path):\(mismatch.command.line): `\(mismatch.command.text)` drifted from the page \
                (re-record with ECOPROD_RECORD_DOCS=1):
                \(unifiedDiff(
                    (mismatch.command.expected + exitLine(mismatch.command.expectedStatus)).joined(separator: "\n"),
                    mismatch.recorded.joined(separator: "\n")))
                """)
        }
    }

    /// The pages hold the tours' commands: if a page lost its blocks (a fence renamed `sh`), the
    /// test above would pass on nothing.
    @Test func thePagesHoldConsoleBlocks() throws {
        var counts: [String: Int] = [:]
        for path in Self.pages {
            let text = try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
            counts[path] = ConsolePage(path: path, text: text).blocks.count
        }
        for path in [
            "README.md", "docs/guide.md", "docs/grid.md", "docs/audit.md", "docs/register.md", "docs/trust.md",
        ] {
            #expect(counts[path, default: 0] > 0, "\(path) has no console block")
        }
    }

    static let wildcardCases: [(pattern: [String], output: [String], matches: Bool)] = [
        (["digest sha256:[..]"], ["digest sha256:46077c50"], true),
        (["digest sha256:[..]"], ["digest sha512:46077c50"], false),
        (["a [..] c [..] e"], ["a b c d e"], true),
        (["a [..] c [..] e"], ["a b d e"], false),
        (["ab[..]ba"], ["aba"], false),
        (["first", "...", "last"], ["first", "last"], true),
        (["first", "...", "last"], ["first", "x", "y", "last"], true),
        (["first", "...", "last"], ["first", "x", "y"], false),
        (["exact"], ["exact "], false),
        ([], [], true),
        ([], ["unexpected"], false),
    ]

    @Test(arguments: wildcardCases)
    func wildcards(_ pattern: [String], _ output: [String], _ matches: Bool) {
        #expect(ConsolePattern.matches(pattern, output) == matches)
    }

    /// The runner itself can fail: a block whose output drifted, or whose status differs, is
    /// reported at its line; re-recording writes the actual output and status in its place.
    @Test func aDriftedBlockIsReportedAndReRecorded() throws {
        let text = """
            Intro.

            ```console
            $ ecoprod explain P401 | head -n 1
            P401: not the title
            $ ecoprod explain Z999
            [..]
            $ echo kept
            k[..]
            ```
            """
        let page = ConsolePage(path: "synthetic.md", text: text)
        let session = try ConsoleSession(binary: ecoprodBinary())
        defer { session.remove() }
        let mismatches = try session.run(page)
        #expect(mismatches.map(\.command.line) == [4, 6])
        #expect(mismatches.map(\.status) == [0, 64])
        let recorded = page.replacingOutputs(mismatches.map { ($0.command.outputLines, $0.recorded) })
        let again = try session.run(ConsolePage(path: "synthetic.md", text: recorded))
        #expect(again.isEmpty, "re-recorded page still drifts: \(recorded)")
        #expect(recorded.contains("k[..]"), "a matching command's wildcard was lost")
    }

    @Test func setupRunsBeforeItsBlockAndIsNotShown() throws {
        let text = """
            <!-- console-setup
            echo 'version: 9.9.9' > marker.txt
            -->
            ```console
            $ cat marker.txt
            version: 9.9.9
            ```
            """
        let page = ConsolePage(path: "synthetic.md", text: text)
        #expect(page.blocks.first?.setup?.contains("marker.txt") == true)
        let session = try ConsoleSession(binary: ecoprodBinary())
        defer { session.remove() }
        #expect(try session.run(page).isEmpty)
    }

    private func exitLine(_ status: Int32) -> [String] { status == 0 ? [] : ["[exit \(status)]"] }
}
