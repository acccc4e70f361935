import Foundation
import TestSupport
import Testing

/// The result of one run of the real `ecoprod` binary.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutBytes: [UInt8]
}

/// Finds the `ecoprod` binary SwiftPM built next to the test bundle.
func ecoprodBinary() -> URL {
    if let override = ProcessInfo.processInfo.environment["ECOPROD_BINARY"] { return URL(fileURLWithPath: override) }
    let candidates = [
        Bundle.main.bundleURL.appendingPathComponent("ecoprod"),
        Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("ecoprod"),
        packageRoot.appendingPathComponent(".build/debug/ecoprod"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
}

/// Runs `ecoprod` with arguments, in a working folder, with optional stdin and environment.
///
/// A run still going after `deadline` seconds is killed and recorded as a test failure that
/// names the command, so a hang fails one test instead of stalling the whole run.
func runEcoprod(
    _ arguments: [String], in directory: URL = packageRoot, stdin: [UInt8]? = nil, environment: [String: String] = [:],
    deadline: Double = 300, sourceLocation: SourceLocation = #_sourceLocation
) throws -> ProcessResult {
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "SOURCE_DATE_EPOCH")
    for (key, value) in environment { env[key] = value }
    let outcome = try ChildProcess(ecoprodBinary().path, arguments, in: directory.path, environment: env, stdin: stdin)
        .run(deadline: deadline)
    if outcome.timedOut {
        Issue.record(
            "`ecoprod \(arguments.joined(separator: " "))` was still running after \(Int(deadline)) s and was killed",
            sourceLocation: sourceLocation)
    }
    return ProcessResult(
        status: outcome.status, stdout: String(decoding: outcome.stdout, as: UTF8.self),
        stderr: String(decoding: outcome.stderr, as: UTF8.self), stdoutBytes: outcome.stdout)
}

/// A fresh copy of the shipped `Framework/` in a temporary folder; returns the folder that holds it.
func copyOfFramework(keepingReleases: Bool = false) throws -> URL {
    let folder = try temporaryFolder("ecoprod-cli")
    try FileManager.default.copyItem(
        at: packageRoot.appendingPathComponent("Framework"), to: folder.appendingPathComponent("Framework"))
    if !keepingReleases {
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("Framework/releases"))
    }
    return folder
}
