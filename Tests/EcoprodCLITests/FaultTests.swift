import EcoprodFramework
import Foundation
import TestSupport
import Testing

/// Every file below `folder`, relative.
private func files(in folder: URL) -> [String] {
    (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
}

/// Starts `ecoprod`, and sends `signal` after `delay` seconds (or lets it finish first).
private func runAndInterrupt(_ arguments: [String], in folder: URL, after delay: Double, signal: Int32) throws -> Int32
{
    let outcome = try ChildProcess(ecoprodBinary().path, arguments, in: folder.path, capturesOutput: false)
        .run(deadline: 120, interruption: .init(after: delay, signal: signal))
    #expect(
        !outcome.timedOut,
        "`ecoprod \(arguments.joined(separator: " "))` was still running after 120 s:\n\(outcome.snapshot)")
    return outcome.status
}

private let isRoot = getuid() == 0

/// How long `body` takes, in seconds.
private func timed(_ body: () throws -> Void) rethrows -> Double {
    let start = Date()
    try body()
    return Date().timeIntervalSince(start)
}

@Suite(.serialized) struct FaultTests {
    /// A seeded delay over 0–1.4× the time an uninterrupted run took, so that runs are cut at
    /// every stage; every fourth attempt waits 5× that time, so that some runs complete even
    /// when the machine is loaded by the tests running beside this one.
    static func delay(_ attempt: Int, full: Double, _ generator: inout SplitMix) -> Double {
        let spread = full * 1.4 * Double(generator.next() % 1000) / 1000
        return attempt % 4 == 3 ? full * 5 : spread
    }

    /// Kills `release` at random points, again and again: the history always verifies, the
    /// changelog has the new section exactly when the bundle exists, and no temporary or lock
    /// file is ever left behind.
    @Test func interruptedReleasesLeaveNothingPartial() throws {
        let folder = try releaseWorkspace(keepingSigners: false)
        let url = folder.appendingPathComponent("Framework/framework.yaml")
        try Data(
            try String(contentsOf: url, encoding: .utf8).replacingOccurrences(
                of: "version: 1.2.0", with: "version: 1.2.1"
            ).utf8
        ).write(to: url)
        let departments = folder.appendingPathComponent("Framework/departments/A-production.yaml")
        try Data(
            try String(contentsOf: departments, encoding: .utf8).replacingOccurrences(
                of: "en: \"Signed intention note\"", with: "en: \"A signed intention note\""
            ).utf8
        ).write(to: departments)
        let originalChangelog = try Data(contentsOf: folder.appendingPathComponent("CHANGELOG.md"))
        let bundle = folder.appendingPathComponent("Framework/releases/ecoprod-label-1.2.1.json")
        // Delays spread over 0–1.4× the time an uninterrupted release takes on this machine, so
        // that some runs are cut at every stage and some complete, however fast the machine is.
        let full = try timed { _ = try runEcoprod(["release", "--date", "2026-12-01"], in: folder) }
        try FileManager.default.removeItem(at: bundle)
        try originalChangelog.write(to: folder.appendingPathComponent("CHANGELOG.md"))
        var generator = SplitMix(seed: 6)
        var completed = 0
        var interrupted = 0
        for attempt in 0..<24 {
            let delay = Self.delay(attempt, full: full, &generator)
            let status = try runAndInterrupt(
                ["release", "--date", "2026-12-01"], in: folder, after: delay,
                signal: attempt % 2 == 0 ? SIGTERM : SIGINT)
            if status == 0 { completed += 1 } else { interrupted += 1 }
            let leftovers = files(in: folder).filter { $0.contains(".tmp-") || $0.hasSuffix(".release.lock") }
            #expect(leftovers.isEmpty, "attempt \(attempt) after \(delay)s left \(leftovers)")
            let changelog = try String(contentsOf: folder.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
            let released = FileManager.default.fileExists(atPath: bundle.path)
            #expect(changelog.contains("## [1.2.1]") == released, "attempt \(attempt): bundle and changelog disagree")
            let verify = try runEcoprod(["verify", "--releases", "Framework/releases"], in: folder)
            #expect(verify.status == 0, "attempt \(attempt): \(verify.stderr)")
            if released {
                try FileManager.default.removeItem(at: bundle)
                try originalChangelog.write(to: folder.appendingPathComponent("CHANGELOG.md"))
            }
        }
        #expect(
            completed > 0 && interrupted > 0,
            "the delays must cover both interrupted and completed runs: \(completed) completed, \(interrupted) interrupted"
        )
    }

    /// Kills `build` while it writes: the output is the old file or the new, never half of one.
    @Test func interruptedBuildsLeaveNoPartialBundle() throws {
        let folder = try releaseWorkspace()
        let full = try timed { _ = try runEcoprod(["build", "--output", "out/timing.json"], in: folder) }
        var generator = SplitMix(seed: 9)
        var statuses: Set<Int32> = []
        for attempt in 0..<20 {
            let delay = Self.delay(attempt, full: full, &generator)
            statuses.insert(
                try runAndInterrupt(
                    ["build", "--output", "out/bundle.json", "--force", "--date", "2026-12-0\(attempt % 9 + 1)"],
                    in: folder, after: delay, signal: SIGTERM))
            #expect(
                files(in: folder).filter { $0.contains(".tmp-") }.isEmpty, "attempt \(attempt) left a temporary file")
            let output = folder.appendingPathComponent("out/bundle.json")
            if FileManager.default.fileExists(atPath: output.path) {
                let verify = try runEcoprod(["verify", "out/bundle.json"], in: folder)
                #expect(verify.status == 0, "attempt \(attempt): a partial bundle was left: \(verify.stderr)")
            }
        }
        #expect(
            statuses.contains(0) && statuses.contains(128 + SIGTERM),
            "the delays must cover interrupted and completed builds: \(statuses)")
    }

    /// Kills `build` with SIGKILL, which no handler sees, at every stage: the file is written
    /// unnamed (O_TMPFILE) until it takes its name, so nothing is ever left that `ls -a` shows.
    @Test func buildsKilledOutrightLeaveNoFileBehind() throws {
        let folder = try releaseWorkspace()
        let full = try timed { _ = try runEcoprod(["build", "--output", "out/timing.json"], in: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("out/timing.json"))
        var generator = SplitMix(seed: 11)
        var statuses: Set<Int32> = []
        for attempt in 0..<8 {
            let delay = Self.delay(attempt, full: full, &generator)
            let arguments = [
                "build", "--output", "out/bundle.json", "--force", "--date", "2026-12-0\(attempt % 9 + 1)",
            ]
            statuses.insert(try runAndInterrupt(arguments, in: folder, after: delay, signal: SIGKILL))
            let names =
                (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)) ?? []
            #expect(names.allSatisfy { $0 == "bundle.json" }, "attempt \(attempt) after \(delay)s left \(names)")
        }
        #expect(
            statuses.contains(0) && statuses.contains(128 + SIGKILL),
            "the delays must cover killed and completed builds: \(statuses)")
    }

    @Test(.enabled(if: isRoot, "mounting a tiny tmpfs needs root"))
    func aFullDiskIsAClearErrorWithNoPartialFile() throws {
        let folder = try releaseWorkspace()
        let small = folder.appendingPathComponent("full")
        try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
        #expect(mount(small.path, options: "size=16k") == 0)
        defer { _ = shell("umount \(small.path)") }
        let result = try runEcoprod(["build", "--output", "full/bundle.json"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("W002"))
        #expect(result.stderr.contains("No space left on device"))
        #expect(files(in: small).isEmpty, "left \(files(in: small))")
    }

    @Test(.enabled(if: isRoot, "a read-only mount needs root"))
    func aReadOnlyReleasesFolderIsAClearError() throws {
        let folder = try releaseWorkspace()
        let releases = folder.appendingPathComponent("Framework/releases")
        let saved = files(in: releases)
        let copy = folder.appendingPathComponent("releases-copy")
        try FileManager.default.copyItem(at: releases, to: copy)
        #expect(mount(releases.path, options: "size=1m") == 0)
        defer { _ = shell("umount \(releases.path)") }
        for name in saved {
            try FileManager.default.copyItem(
                at: copy.appendingPathComponent(name), to: releases.appendingPathComponent(name))
        }
        #expect(shell("mount -o remount,ro \(releases.path)") == 0)
        let url = folder.appendingPathComponent("Framework/framework.yaml")
        try Data(
            try String(contentsOf: url, encoding: .utf8).replacingOccurrences(
                of: "version: 1.2.0", with: "version: 1.2.1"
            ).utf8
        ).write(to: url)
        let result = try runEcoprod(["release"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Read-only file system"))
        #expect(files(in: releases) == saved)
    }

    @Test func aLinkOutsideTheFrameworkIsRefused() throws {
        let folder = try releaseWorkspace()
        let outside = folder.appendingPathComponent("elsewhere.yaml")
        try FileManager.default.copyItem(
            at: folder.appendingPathComponent("Framework/departments/J-post-production.yaml"), to: outside)
        try FileManager.default.removeItem(
            at: folder.appendingPathComponent("Framework/departments/J-post-production.yaml"))
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("Framework/departments/J-post-production.yaml"),
            withDestinationURL: outside)
        let result = try runEcoprod(["check", "--format", "json"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("F003"))
    }

    /// A department file named in Latin-1 (byte 0xE9 for "é"): the error says the name is not
    /// UTF-8, rather than blaming permissions.
    @Test func aFileNameThatIsNotUTF8IsNamedAsSuch() throws {
        let folder = try releaseWorkspace()
        let departments = folder.appendingPathComponent("Framework/departments").path
        let status = shell("mv '\(departments)/B-editorial.yaml' \"\(departments)/$(printf 'B-\\351ditorial.yaml')\"")
        #expect(status == 0)
        let result = try runEcoprod(["check", "--format", "json"], in: folder)
        #expect(result.status == 1)
        let diagnostics = try JSONParser().parse(result.stdoutBytes)["diagnostics"]?.arrayValue ?? []
        let f004 = diagnostics.first { $0["code"] == "F004" }
        #expect(f004?["message"]?.stringValue?.contains("is not valid UTF-8") == true, "\(result.stdout)")
        #expect(!diagnostics.contains { $0["code"] == "F001" })
    }

    @Test func fileNamesWithSpacesAndAccentsWork() throws {
        let folder = try releaseWorkspace()
        let renamed = folder.appendingPathComponent("Référentiel Ecoprod")
        try FileManager.default.moveItem(at: folder.appendingPathComponent("Framework"), to: renamed)
        try FileManager.default.moveItem(
            at: renamed.appendingPathComponent("departments/B-editorial.yaml"),
            to: renamed.appendingPathComponent("departments/B éditorial (v2).yaml"))
        let check = try runEcoprod(["check", "Référentiel Ecoprod"], in: folder)
        #expect(check.status == 0, "\(check.stderr)")
        let url = renamed.appendingPathComponent("departments/B éditorial (v2).yaml")
        try Data(
            try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "points: 2", with: "points: deux")
                .utf8
        ).write(to: url)
        let broken = try runEcoprod(["check", "Référentiel Ecoprod", "--format", "json"], in: folder)
        #expect(broken.status == 1)
        #expect(
            try JSONParser().parse(broken.stdoutBytes)["diagnostics"]?.arrayValue?.first?["file"]
                == "Référentiel Ecoprod/departments/B éditorial (v2).yaml")
        let build = try runEcoprod(["build", "Référentiel Ecoprod", "--output", "sortie été.json"], in: folder)
        #expect(build.status == 1)
    }

    @Test func checkReadsOneFileFromStdinInItsFramework() throws {
        let text = try String(
            contentsOf: packageRoot.appendingPathComponent("Framework/departments/C-production-offices.yaml"),
            encoding: .utf8)
        let good = try runEcoprod(["check", "-"], stdin: Array(text.utf8))
        #expect(good.status == 0, "\(good.stderr)")
        let bad = try runEcoprod(
            ["check", "-", "--format", "json"],
            stdin: Array(text.replacingOccurrences(of: "mandatory: false", with: "mandatory: nope").utf8))
        #expect(bad.status == 1)
        #expect(try JSONParser().parse(bad.stdoutBytes)["diagnostics"]?.arrayValue?.first?["file"] == "<stdin>")
    }

    @Test func scoreAndMigrateReadStdin() throws {
        let answers = Array(
            try Data(
                contentsOf: packageRoot.appendingPathComponent(
                    "Tests/Conformance/ecoprod-label-1.0.0/all-met.answers.json")))
        #expect(try runEcoprod(["score", "-"], stdin: answers).status == 0)
        #expect(try runEcoprod(["migrate", "-", "--to", "1.1.0"], stdin: answers).status == 0)
        let bundle = Array(
            try Data(contentsOf: packageRoot.appendingPathComponent("Framework/releases/ecoprod-label-1.0.0.json")))
        #expect(try runEcoprod(["verify", "-"], stdin: bundle).status == 0)
    }
}

private func mount(_ path: String, options: String) -> Int32 {
    shell("mount -t tmpfs -o \(options) tmpfs '\(path)'")
}

@discardableResult
private func shell(_ command: String) -> Int32 {
    (try? ChildProcess("/bin/sh", ["-c", command], capturesOutput: false).run(deadline: 60).status) ?? -1
}
