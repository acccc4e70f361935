import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One run of a program to completion, with a deadline, for the end-to-end tests.
///
/// Why not Foundation's `Process`: on Linux its `waitUntilExit` polls a run loop and has known
/// hangs, and its pipes are created without close-on-exec, so a child started by one test can
/// inherit the pipe ends of another test running in parallel and keep them open. Either way a
/// test waits for ever and CI times out without saying which command hung. This runner spawns
/// with `posix_spawn`, marks every pipe close-on-exec before any other child can start, reads
/// stdout and stderr with `poll`, and kills the child at the deadline, so a hang becomes a
/// failure that names the command.
public struct ChildProcess: Sendable {
    /// How a run ended.
    public struct Outcome: Sendable {
        /// The exit status, or 128 + the signal number when a signal ended the child (as shells
        /// report it); -1 when the deadline killed it.
        public var status: Int32
        public var stdout: [UInt8]
        public var stderr: [UInt8]
        /// True when the child was still running at the deadline and was killed.
        public var timedOut: Bool
        /// What `/proc` said of the child just before the deadline killed it: its command, its
        /// state and signal masks, and where each of its threads waited. Empty otherwise.
        public var snapshot = ""
    }

    /// A signal to send once, a delay after the start (for interruption tests).
    public struct Interruption: Sendable {
        public var delay: Double
        public var signal: Int32

        public init(after delay: Double, signal: Int32) {
            self.delay = delay
            self.signal = signal
        }
    }

    public var executable: String
    public var arguments: [String]
    /// The working folder; `nil` keeps the test process's own.
    public var directory: String?
    public var environment: [String: String]
    /// Bytes written to the child's stdin, which is then closed; `nil` gives it `/dev/null`.
    public var stdin: [UInt8]?
    /// When false, stdout and stderr go to `/dev/null` and the outcome's are empty.
    public var capturesOutput: Bool

    public init(
        _ executable: String, _ arguments: [String], in directory: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment, stdin: [UInt8]? = nil,
        capturesOutput: Bool = true
    ) {
        self.executable = executable
        self.arguments = arguments
        self.directory = directory
        self.environment = environment
        self.stdin = stdin
        self.capturesOutput = capturesOutput
    }

    /// A child that exits before reading all its stdin must fail our `write` with EPIPE, not
    /// kill the test process with SIGPIPE. Set once, for the whole test process.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Pipes are made and children spawned under this lock, so no child ever starts between a
    /// pipe's creation and its close-on-exec flag.
    private static let spawnLock = NSLock()

    /// Runs the program; kills it (SIGKILL) if it is still running `deadline` seconds after the
    /// start. Throws only when the program cannot be started at all.
    public func run(deadline: Double = 300, interruption: Interruption? = nil) throws -> Outcome {
        _ = Self.ignoreBrokenPipes
        let started = ProcessInfo.processInfo.systemUptime
        let child = try spawn()
        var pending = stdin ?? []
        var out: [UInt8] = []
        var err: [UInt8] = []
        var open: [(fd: Int32, events: Int16)] = []
        if let fd = child.stdinWriter { open.append((fd, Int16(POLLOUT))) }
        if let fd = child.stdoutReader { open.append((fd, Int16(POLLIN))) }
        if let fd = child.stderrReader { open.append((fd, Int16(POLLIN))) }
        var interrupted = interruption == nil
        var status: Int32?
        var timedOut = false
        var snapshot = ""
        var buffer = [UInt8](repeating: 0, count: 65536)
        while status == nil {
            let elapsed = ProcessInfo.processInfo.systemUptime - started
            if !interrupted, let interruption, elapsed >= interruption.delay {
                kill(child.pid, interruption.signal)
                interrupted = true
            }
            if elapsed >= deadline, !timedOut {
                snapshot = Self.snapshot(of: child.pid)
                kill(child.pid, SIGKILL)
                timedOut = true
            }
            if open.isEmpty || timedOut {
                status = Self.reap(child.pid, blocking: timedOut)
                if status == nil { usleep(1000) }
                continue
            }
            var fds = open.map { pollfd(fd: $0.fd, events: $0.events, revents: 0) }
            let wait = min(deadline - elapsed, (interrupted ? deadline : interruption!.delay) - elapsed)
            _ = poll(&fds, nfds_t(fds.count), Int32(max(1, min(wait * 1000, 100))))
            for entry in fds where entry.revents != 0 {
                if entry.fd == child.stdinWriter {
                    let written =
                        pending.isEmpty ? 0 : pending.withUnsafeBytes { write(entry.fd, $0.baseAddress, $0.count) }
                    if written > 0 { pending.removeFirst(written) }
                    if pending.isEmpty || written < 0 {
                        close(entry.fd)
                        open.removeAll { $0.fd == entry.fd }
                    }
                } else {
                    let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                    if count > 0 {
                        if entry.fd == child.stdoutReader { out += buffer[0..<count] } else { err += buffer[0..<count] }
                    } else if count == 0 || errno != EAGAIN {
                        close(entry.fd)
                        open.removeAll { $0.fd == entry.fd }
                    }
                }
            }
        }
        for entry in open { close(entry.fd) }
        return Outcome(
            status: timedOut ? -1 : status!, stdout: out, stderr: err, timedOut: timedOut, snapshot: snapshot)
    }

    /// The child's command, state, signal masks and each thread's wait channel, from `/proc`
    /// (Linux): what a hang's report needs to be diagnosed after the fact.
    static func snapshot(of pid: pid_t) -> String {
        func read(_ path: String) -> String {
            (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        }
        let command = read("/proc/\(pid)/cmdline").replacingOccurrences(of: "\u{0}", with: " ")
        let fields = ["State", "Threads", "SigPnd", "ShdPnd", "SigBlk", "SigIgn", "SigCgt"]
        let status = read("/proc/\(pid)/status").split(separator: "\n").filter { line in
            fields.contains { line.hasPrefix($0) }
        }
        let tasks = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []).sorted().map {
            "task \($0): \(read("/proc/\(pid)/task/\($0)/wchan")) \(read("/proc/\(pid)/task/\($0)/stack").prefix(400))"
        }
        return ([command] + status.map(String.init) + tasks).joined(separator: "\n")
    }

    /// The exit status in the shell's convention, or `nil` while the child runs.
    private static func reap(_ pid: pid_t, blocking: Bool) -> Int32? {
        var raw: Int32 = 0
        let result = waitpid(pid, &raw, blocking ? 0 : WNOHANG)
        guard result == pid else { return result < 0 && errno != EINTR ? -1 : nil }
        let signal = raw & 0x7f
        return signal == 0 ? (raw >> 8) & 0xff : 128 + signal
    }

    private struct Spawned {
        var pid: pid_t
        var stdinWriter: Int32?
        var stdoutReader: Int32?
        var stderrReader: Int32?
    }

    private func spawn() throws -> Spawned {
        Self.spawnLock.lock()
        defer { Self.spawnLock.unlock() }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var childEnds: [Int32] = []
        var spawned = Spawned(pid: 0)
        if stdin != nil {
            let (reader, writer) = try Self.closeOnExecPipe()
            posix_spawn_file_actions_adddup2(&actions, reader, 0)
            childEnds.append(reader)
            spawned.stdinWriter = writer
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        for target: Int32 in [1, 2] {
            if capturesOutput {
                let (reader, writer) = try Self.closeOnExecPipe()
                posix_spawn_file_actions_adddup2(&actions, writer, target)
                childEnds.append(writer)
                if target == 1 { spawned.stdoutReader = reader } else { spawned.stderrReader = reader }
            } else {
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", O_WRONLY, 0)
            }
        }
        // A test runner's worker threads may block or ignore signals; the child starts clean.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        // The working folder is set by a POSIX shell that then replaces itself with the program
        // (`posix_spawn_file_actions_addchdir_np` is not visible to Swift on every platform).
        let argv =
            directory.map { ["/bin/sh", "-c", "cd -- \"$0\" && exec \"$@\"", $0, executable] + arguments } ?? [
                executable
            ] + arguments
        let envp = environment.map { "\($0.key)=\($0.value)" }
        let status = Self.withCStrings(argv) { cArgv in
            Self.withCStrings(envp) { cEnvp in posix_spawn(&spawned.pid, argv[0], &actions, &attributes, cArgv, cEnvp) }
        }
        for fd in childEnds { close(fd) }
        guard status == 0 else {
            for fd in [spawned.stdinWriter, spawned.stdoutReader, spawned.stderrReader].compactMap({ $0 }) { close(fd) }
            throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO)
        }
        for fd in [spawned.stdinWriter, spawned.stdoutReader, spawned.stderrReader].compactMap({ $0 }) {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        return spawned
    }

    private static func closeOnExecPipe() throws -> (reader: Int32, writer: Int32) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }

    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R)
        -> R
    {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
