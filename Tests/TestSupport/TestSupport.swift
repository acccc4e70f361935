import Foundation

/// The repository root, found from this file's path, so tests read the real `Framework/`,
/// releases and conformance kit.
public let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// SplitMix64: a tiny seeded generator, so shuffles, delays and random answer sets repeat on
/// every machine.
public struct SplitMix: RandomNumberGenerator {
    public var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A new empty folder under the temporary directory, named `<prefix>-<UUID>`.
public func temporaryFolder(_ prefix: String) throws -> URL {
    let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(prefix + "-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// A fresh temporary copy of the repository's `Framework/` (with its releases) and
/// `CHANGELOG.md`, for tests that edit, build or release.
///
/// Without `keepingSigners`, `Framework/allowed_signers` is left out: the tests of release
/// mechanics make unsigned releases, which a folder with a trust list refuses by design (G101).
public func releaseWorkspace(prefix: String = "ecoprod-test", keepingSigners: Bool = false) throws -> URL {
    let folder = try temporaryFolder(prefix)
    try FileManager.default.copyItem(
        at: packageRoot.appendingPathComponent("Framework"), to: folder.appendingPathComponent("Framework"))
    try FileManager.default.copyItem(
        at: packageRoot.appendingPathComponent("CHANGELOG.md"), to: folder.appendingPathComponent("CHANGELOG.md"))
    if !keepingSigners {
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Framework/allowed_signers"))
    }
    return folder
}

/// Replaces every occurrence of `find` in the file at `folder/file`.
public func edit(_ folder: URL, _ file: String, _ find: String, _ replacement: String) throws {
    let url = folder.appendingPathComponent(file)
    try Data(try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: find, with: replacement).utf8).write(
        to: url)
}
