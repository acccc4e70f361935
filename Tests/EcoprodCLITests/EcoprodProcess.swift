import Foundation
import Testing
import TestSupport

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
func runEcoprod(_ arguments: [String], in directory: URL = packageRoot, stdin: [UInt8]? = nil, environment: [String: String] = [:]) throws -> ProcessResult {
    let process = Process()
    process.executableURL = ecoprodBinary()
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "SOURCE_DATE_EPOCH")
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin)) }
    try input.fileHandleForWriting.close()
    // Read both pipes concurrently so a full pipe never blocks the child.
    let group = DispatchGroup()
    nonisolated(unsafe) var outData = Data()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
        outData = out.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    errData = err.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return ProcessResult(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: Array(outData))
}

/// A fresh copy of the shipped `Framework/` in a temporary folder; returns the folder that holds it.
func copyOfFramework() throws -> URL {
    let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("ecoprod-cli-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Framework"), to: folder.appendingPathComponent("Framework"))
    try? FileManager.default.removeItem(at: folder.appendingPathComponent("Framework/releases"))
    return folder
}
