import EcoprodFramework
import Foundation
import TestSupport
import Testing

@testable import EcoprodApplication

/// The application layer's use cases on their own, without the CLI: what each returns, and
/// how each fails.
@Suite struct UseCaseTests {
    /// The one mapping from a failure to the process's exit status.
    static let statuses: [(failure: UseCaseFailure, status: Int32)] = [
        (.input([]), 1), (.usage("x"), 64), (.misuse([]), 64), (.status(0), 0), (.status(3), 3),
    ]

    @Test(arguments: statuses)
    func everyFailureHasItsExitStatus(_ entry: (failure: UseCaseFailure, status: Int32)) {
        #expect(entry.failure.exitStatus == entry.status)
    }

    /// A missing path, a folder and a file: each command says the same of each.
    @Test func aFileIsReadAndAFolderOrAMissingPathIsNamed() throws {
        let folder = try temporaryFolder("ecoprod-input")
        let file = folder.appendingPathComponent("answers.json")
        try Data("{}".utf8).write(to: file)
        let cases: [(path: String, bytes: [UInt8]?, reason: String?)] = [
            (file.path, Array("{}".utf8), nil),
            (folder.path, nil, "is a folder, not a file"),
            (folder.appendingPathComponent("missing.json").path, nil, "no such file"),
        ]
        for entry in cases {
            var diagnostics = DiagnosticCollector()
            #expect(InputFile.read(entry.path, into: &diagnostics) == entry.bytes)
            #expect(diagnostics.diagnostics.first?.message.contains(entry.reason ?? "\u{0}") ?? (entry.reason == nil))
        }
    }

    /// JSON or a grid, told by content and never by the file's name.
    @Test func answersAreReadAsJSONOrAsAGridByTheirContent() throws {
        let bundle = try shippedRelease("1.1.0")
        let history = ReleaseHistory(releases: [.init(file: "ecoprod-label-1.1.0.json", bundle: bundle)])
        let path = packageRoot.appendingPathComponent("docs/examples/les-jours-verts.answers.json").path
        let json = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let grid = try AnswerReading().renderGrid(bundle, locale: "fr", answers: path, releases: nil)
        var expected = DiagnosticCollector()
        let written = try #require(AnswerReading().answers(json, file: path, history: history, into: &expected))
        for (bytes, isGrid) in [(json, false), (grid, true)] {
            var diagnostics = DiagnosticCollector()
            let document = AnswerReading().answers(bytes, file: "answers.xlsx", history: history, into: &diagnostics)
            #expect(document != nil, "\(diagnostics.diagnostics)")
            #expect((document?.grid != nil) == isGrid)
            #expect(document?.answers.answers == written.answers.answers)
        }
    }

    /// The changelog beside a framework folder, however the folder is named.
    @Test(arguments: [
        ("Framework", "CHANGELOG.md"), ("Framework/", "CHANGELOG.md"),
        ("labels/eco/Framework", "labels/eco/CHANGELOG.md"),
        ("/srv/x/Framework", "/srv/x/CHANGELOG.md"),
    ])
    func theChangelogSitsBesideTheFrameworkFolder(_ directory: String, _ changelog: String) {
        #expect(ReleasePublishing.defaultChangelog(for: directory) == changelog)
    }

    /// A statement whose signature cannot be written leaves the statement that was there, at
    /// the use case's level (the CLI's test drives the same case through the binary).
    @Test func aStatementAndItsSignatureAreWrittenTogetherOrNotAtAll() throws {
        let folder = try temporaryFolder("ecoprod-statement")
        let key = try SSHKeygen().makeKey(in: folder, name: "scorer")
        let answers = packageRoot.appendingPathComponent("docs/examples/les-jours-verts.answers.json").path
        let scoring = try AnswerScoring(
            reading: AnswerReading(), bundle: nil,
            releases: packageRoot.appendingPathComponent("Framework/releases").path)
        let scored = try scoring.score(at: answers)
        let path = folder.appendingPathComponent("st.json").path
        let signing = StatementSigning(
            path: path, key: key.privateKey.path, date: "2026-11-29", tool: ("ecoprod", "test"), force: true)
        _ = try signing.write(scored.scored, answers: scored.statedBytes, answersFile: answers)
        let first = try Data(contentsOf: URL(fileURLWithPath: path))
        try FileManager.default.removeItem(atPath: path + ".sig")
        try FileManager.default.createDirectory(atPath: path + ".sig", withIntermediateDirectories: false)
        let other = StatementSigning(
            path: path, key: key.privateKey.path, date: "2026-11-30", tool: ("ecoprod", "test"), force: true)
        #expect(throws: UseCaseFailure.self) {
            try other.write(scored.scored, answers: scored.statedBytes, answersFile: answers)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == first)
    }
}
