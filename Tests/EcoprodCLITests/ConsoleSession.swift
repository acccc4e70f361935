import Foundation
import TestSupport

/// Runs a page's `console` blocks, in order, in one scratch copy of the repository.
///
/// Each page gets its own copy, so a page's blocks can build on each other (a release after an
/// edit) and no page sees another's files. Commands run in bash from the copy's root, with the
/// `ecoprod` under test first on `PATH`, and `swift run ecoprod …` meaning that same binary: the
/// docs show the commands a reader types, and the test must not build the package again.
struct ConsoleSession {
    /// A command whose output or status is not what the page says.
    struct Mismatch {
        var command: ConsolePage.Command
        /// What it printed, the copy's path written `[CWD]`.
        var actual: [String]
        var status: Int32

        /// The page's lines for this command as it ran, for re-recording.
        var recorded: [String] { status == 0 ? actual : actual + ["[exit \(status)]"] }
    }

    /// What a scratch copy holds: everything a page may name, and nothing built.
    static let copied = [
        "Framework", "docs", "Schemas", "templates", "Tests/Conformance", "CHANGELOG.md", "README.md",
        "ARCHITECTURE.md", ".pre-commit-hooks.yaml",
    ]

    let folder: URL
    private let shims: URL
    private let home: URL

    init(binary: URL, root: URL = packageRoot) throws {
        folder = try temporaryFolder("ecoprod-docs")
        shims = try temporaryFolder("ecoprod-docs-bin")
        home = try temporaryFolder("ecoprod-docs-home")
        let files = FileManager.default
        for entry in Self.copied {
            let target = folder.appendingPathComponent(entry)
            try files.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try files.copyItem(at: root.appendingPathComponent(entry), to: target)
        }
        try files.createSymbolicLink(at: shims.appendingPathComponent("ecoprod"), withDestinationURL: binary)
    }

    func remove() {
        for scratch in [folder, shims, home] { try? FileManager.default.removeItem(at: scratch) }
    }

    /// Runs every block; returns the commands that printed something else, or exited otherwise.
    /// Throws when a block's hidden setup fails: the page cannot be checked at all.
    func run(_ page: ConsolePage) throws -> [Mismatch] {
        var mismatches: [Mismatch] = []
        for block in page.blocks {
            if let setup = block.setup {
                let (status, output) = try shell("set -e\n" + setup)
                guard status == 0 else {
                    throw SetupFailure(place: "\(page.path):\(block.line)", status: status, output: output)
                }
            }
            for command in block.commands {
                let (status, output) = try shell(command.text)
                if status != command.expectedStatus || !ConsolePattern.matches(command.expected, output) {
                    mismatches.append(Mismatch(command: command, actual: output, status: status))
                }
            }
        }
        return mismatches
    }

    struct SetupFailure: Error, CustomStringConvertible {
        var place: String
        var status: Int32
        var output: [String]
        var description: String {
            "\(place): the console-setup before this block exited \(status):\n\(output.joined(separator: "\n"))"
        }
    }

    /// Runs shell text in the copy; returns its status and its output's lines (stderr merged).
    private func shell(_ text: String) throws -> (Int32, [String]) {
        let prelude = """
            exec 2>&1
            swift() { if [ "$1" = run ] && [ "$2" = ecoprod ]; then shift 2; ecoprod "$@"; else command swift "$@"; fi; }

            """
        var environment = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("ECOPROD_") && $0.key != "SOURCE_DATE_EPOCH"
        }
        environment["PATH"] = shims.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["HOME"] = home.path
        environment["LC_ALL"] = "C.UTF-8"
        environment["TZ"] = "UTC"
        environment["TERM"] = "dumb"
        let outcome = try ChildProcess("/bin/bash", ["-c", prelude + text], in: folder.path, environment: environment)
            .run(deadline: 120)
        var output = String(decoding: outcome.stdout, as: UTF8.self).replacingOccurrences(
            of: folder.path, with: "[CWD]")
        if output.hasSuffix("\n") { output.removeLast() }
        return (outcome.timedOut ? -1 : outcome.status, output.isEmpty ? [] : output.components(separatedBy: "\n"))
    }
}
