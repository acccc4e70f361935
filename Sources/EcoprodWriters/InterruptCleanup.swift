#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Removes temporary and lock files when the process is interrupted (SIGINT, SIGTERM, SIGHUP),
/// so that a killed `build` or `release` never leaves a partial file behind.
///
/// The handler only calls `unlink` and `_exit`, which are async-signal-safe. Paths live in a
/// fixed table of C strings, registered before the file is created and cleared after it is
/// renamed into place. SIGKILL cannot be caught: a lock left by it is broken as stale by the next
/// release, and temporary files are hidden dot-files that no reader takes for a bundle.
public enum InterruptCleanup {
    private static let capacity = 32
    nonisolated(unsafe) private static var slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(
        capacity: capacity
    ).initialized(count: capacity)
    nonisolated(unsafe) private static var installed = false

    /// Installs the handlers once. Called by the CLI at start.
    public static func install() {
        guard !installed else { return }
        installed = true
        // The table is a lazily initialised global: initialise it here, never first inside the
        // handler, where its allocation could wait for ever on a malloc lock the interrupted
        // thread holds. (Staged files without names register nothing, so nothing else touches
        // it before a signal comes: an interrupted build hung that way, until killed.)
        _ = slots
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            #if canImport(Glibc)
                Glibc.signal(signal, handler)
            #else
                Darwin.signal(signal, handler)
            #endif
            sigaddset(&unblock, signal)
        }
        // A parent may start us with these signals blocked (worker threads of test runners do);
        // unblock them so an interruption is handled rather than held until exit.
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// Registers a path to remove on interruption; returns the slot to clear afterwards.
    public static func register(_ path: String) -> Int? {
        for index in 0..<capacity where slots[index] == nil {
            slots[index] = strdup(path)
            return index
        }
        return nil
    }

    /// Stops watching a path (it was renamed into place, or removed).
    public static func unregister(_ slot: Int?) {
        guard let slot, let pointer = slots[slot] else { return }
        slots[slot] = nil
        free(pointer)
    }

    /// Runs `body` with interrupting signals held back, so that a sequence of renames happens
    /// entirely or not at all; a signal that arrived meanwhile is delivered afterwards.
    public static func withSignalsBlocked<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        var blocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&blocked)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&blocked, signal) }
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return try body()
    }

    private static let handler: @convention(c) (Int32) -> Void = { signal in
        for index in 0..<InterruptCleanup.capacity {
            if let pointer = InterruptCleanup.slots[index] { unlink(pointer) }
        }
        _exit(128 + signal)
    }
}

extension UnsafeMutablePointer where Pointee == UnsafeMutablePointer<CChar>? {
    fileprivate func initialized(count: Int) -> Self {
        initialize(repeating: nil, count: count)
        return self
    }
}
