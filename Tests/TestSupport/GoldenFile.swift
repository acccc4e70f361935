import Foundation
import Testing

/// Compares rendered output with a golden file under `Tests/Golden/`.
///
/// Set `ECOPROD_RECORD_GOLDEN=1` to re-record: the file is rewritten and the test passes.
/// On a mismatch the failure shows a unified diff of expected against actual.
public func assertMatchesGolden(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation)
    throws
{
    let url = packageRoot.appendingPathComponent("Tests/Golden").appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["ECOPROD_RECORD_GOLDEN"] == "1" {
        try Data(actual.utf8).write(to: url, options: .atomic)
        return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
        Issue.record(
            "golden file \(name) is missing; record it with ECOPROD_RECORD_GOLDEN=1 swift test",
            sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != actual {
        Issue.record(
            "\(name) differs from its golden file (re-record with ECOPROD_RECORD_GOLDEN=1):\n\(unifiedDiff(expected, actual))",
            sourceLocation: sourceLocation)
    }
}

/// A line diff: `-` expected, `+` actual, with two lines of context around each change.
public func unifiedDiff(_ expected: String, _ actual: String) -> String {
    let old = expected.components(separatedBy: "\n")
    let new = actual.components(separatedBy: "\n")
    // Longest common subsequence table; golden files are small.
    var table = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
    for i in stride(from: old.count - 1, through: 0, by: -1) {
        for j in stride(from: new.count - 1, through: 0, by: -1) {
            table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
        }
    }
    var lines: [(Character, String)] = []
    var (i, j) = (0, 0)
    while i < old.count || j < new.count {
        if i < old.count, j < new.count, old[i] == new[j] {
            lines.append((" ", old[i]))
            i += 1
            j += 1
        } else if j < new.count, i == old.count || table[i][j + 1] >= table[i + 1][j] {
            lines.append(("+", new[j]))
            j += 1
        } else {
            lines.append(("-", old[i]))
            i += 1
        }
    }
    let changed = Set(lines.indices.filter { lines[$0].0 != " " })
    let shown = lines.indices.filter { index in (index - 2...index + 2).contains { changed.contains($0) } }
    return shown.map { "\(lines[$0].0) \(lines[$0].1)" }.joined(separator: "\n")
}
