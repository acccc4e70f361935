import EcoprodFramework
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file written in pieces, then committed whole; see ``AtomicFileWriter/openStream(to:)``.
public final class StreamingFile: @unchecked Sendable {
    private let descriptor: Int32
    private let staged: StagedFile
    private var failure: String?

    init(descriptor: Int32, staged: StagedFile) {
        self.descriptor = descriptor
        self.staged = staged
    }

    /// Appends bytes to the file; a failure is kept and reported by ``commit()``.
    public func write(_ bytes: [UInt8]) {
        guard failure == nil else { return }
        failure = AtomicFileWriter.write(bytes, to: descriptor)
    }

    /// Flushes the file and puts it in place.
    public func commit() throws(AtomicFileWriter.Failure) {
        if failure == nil && fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            staged.discard()
            throw AtomicFileWriter.Failure(diagnostic: .writeFailed(staged.path, reason: failure))
        }
        try InterruptCleanup.withSignalsBlocked { () throws(AtomicFileWriter.Failure) in try staged.commit() }
    }
}
