import Foundation
import TestSupport
import Testing

/// The runner every end-to-end test relies on: a hang must become a failure, a full pipe must
/// never block, and a signal must show in the status.
struct ChildProcessTests {
    @Test func aChildStillRunningAtTheDeadlineIsKilledAndReported() throws {
        let outcome = try ChildProcess("/bin/sleep", ["600"]).run(deadline: 0.5)
        #expect(outcome.timedOut)
        #expect(outcome.status == -1)
        // What /proc said of it before it was killed, for a hang's report.
        #expect(
            outcome.snapshot.contains("/bin/sleep 600") && outcome.snapshot.contains("State:"), "\(outcome.snapshot)")
    }

    @Test func moreThanAPipeBufferFlowsBothWays() throws {
        // 1 MiB in and out, and as much on stderr: far above the 64 KiB a Linux pipe holds.
        let input = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let outcome = try ChildProcess("/bin/sh", ["-c", "tee /dev/stderr"], stdin: input).run(deadline: 60)
        #expect(!outcome.timedOut)
        #expect(outcome.status == 0)
        #expect(outcome.stdout == input)
        #expect(outcome.stderr == input)
    }

    @Test(arguments: [(SIGTERM, "TERM"), (SIGINT, "INT"), (SIGKILL, "KILL")])
    func aSignalShowsAs128PlusItsNumber(_ signal: Int32, _ name: String) throws {
        let outcome = try ChildProcess("/bin/sh", ["-c", "kill -\(name) $$; sleep 5"]).run(deadline: 60)
        #expect(outcome.status == 128 + signal)
    }

    @Test func theWorkingFolderAndEnvironmentAreTheChilds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecoprod-child-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let outcome = try ChildProcess(
            "/bin/sh", ["-c", "pwd -P; printf '%s' \"$ECOPROD_PROBE\"; exit 3"], in: folder.path,
            environment: ["ECOPROD_PROBE": "é x"]
        ).run()
        #expect(outcome.status == 3)
        #expect(String(decoding: outcome.stdout, as: UTF8.self) == folder.resolvingSymlinksInPath().path + "\né x")
    }

    @Test func anInterruptionIsDeliveredAfterItsDelay() throws {
        let outcome = try ChildProcess("/bin/sleep", ["600"], capturesOutput: false).run(
            deadline: 60, interruption: .init(after: 0.2, signal: SIGTERM))
        #expect(!outcome.timedOut)
        #expect(outcome.status == 128 + SIGTERM)
    }
}
