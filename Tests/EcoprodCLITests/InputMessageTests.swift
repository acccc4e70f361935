import EcoprodFramework
import Foundation
import TestSupport
import Testing

/// What a command says of an input that is not what it expects: each says what the input is,
/// never "no such file" of a file that exists, nor a size of 2^63 - 1 bytes for a folder.
@Suite struct InputMessageTests {
    static let example = packageRoot.appendingPathComponent("docs/examples/les-jours-verts.answers.json").path
    static let release = packageRoot.appendingPathComponent("Framework/releases/ecoprod-label-1.1.0.json").path

    /// An input, the commands given it, and what the message must say.
    static func cases(in folder: URL) throws -> [(arguments: [String], says: String)] {
        let empty = folder.appendingPathComponent("empty.xlsx")
        try Data().write(to: empty)
        let fifo = folder.appendingPathComponent("answers.fifo")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        return [
            (["import", folder.path], "is a folder, not a file"),
            (["score", folder.path], "is a folder, not a file"),
            (["score", "/dev/null"], "is a device, not a file"),
            (["score", fifo.path], "is a pipe, not a file"),
            (["migrate", fifo.path, "--to", "1.1.0"], "is a pipe, not a file"),
            (["score", empty.path], "is empty: an answer set is JSON, or a filled grid"),
            (["migrate", empty.path, "--to", "1.1.0"], "is empty"),
            (["score", folder.appendingPathComponent("missing.json").path], "no such file"),
        ]
    }

    @Test func everyInputIsNamedForWhatItIs() throws {
        let folder = try temporaryFolder("ecoprod-inputs")
        for entry in try Self.cases(in: folder) {
            let result = try runEcoprod(entry.arguments, deadline: 30)
            #expect(result.status == 1, "\(entry.arguments)")
            #expect(result.stderr.contains(entry.says), "\(entry.arguments): \(result.stderr)")
            #expect(!result.stderr.contains("9223372036854775807"))
            #expect(!result.stderr.contains("not valid JSON"), "\(entry.arguments): \(result.stderr)")
        }
    }

    /// `score` signs statements for grids, so `verify-statement` verifies them for grids.
    @Test func aStatementOfAGridVerifiesWithTheGrid() throws {
        let folder = try temporaryFolder("ecoprod-grid-statement")
        let grid = folder.appendingPathComponent("grid.xlsx").path
        let rendered = try runEcoprod([
            "render", Self.release, "--format", "xlsx", "--answers", Self.example, "--output", grid,
        ])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        let key = try SSHKeygen().makeKey(in: folder, name: "scorer")
        let signers = folder.appendingPathComponent("signers")
        try "scorer@example namespaces=\"ecoprod-statement\" \(key.publicLine)\n".write(
            to: signers, atomically: true, encoding: .utf8)
        let statement = folder.appendingPathComponent("statement.json").path
        let scored = try runEcoprod([
            "score", grid, "--statement", statement, "--sign", key.privateKey.path, "--date", "2026-11-29",
        ])
        #expect(scored.status == 0, "\(scored.stderr)")
        let verified = try runEcoprod([
            "verify-statement", statement, "--answers", grid, "--allowed-signers", signers.path,
        ])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stderr.contains("ok \(statement)"))
        // The grid holds exactly the answer set it was filled from: that JSON is the same
        // statement's subject, and verifies too.
        let same = try runEcoprod([
            "verify-statement", statement, "--answers", Self.example, "--allowed-signers", signers.path,
        ])
        #expect(same.status == 0, "\(same.stderr)")
    }
}
