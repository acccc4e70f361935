import EcoprodFramework
import Foundation

/// Signs with OpenSSH's `ssh-keygen -Y sign`, found on `PATH`: release managers' keys stay where
/// they are (a key file, an agent holding the key named by its `.pub`, a FIDO key), and `ecoprod`
/// never reads a private key. What comes back is checked natively before anything is written.
public struct SSHKeygenSigner: Sendable {
    /// The key as `ssh-keygen -f` takes it: a private key file, or a `.pub` whose key the agent holds.
    public var key: String

    public init(key: String) {
        self.key = key
    }

    /// Why signing did not happen; nothing is written after one.
    public struct Failure: Error, Sendable {
        public var message: String

        public init(message: String) {
            self.message = message
        }

        public var diagnostic: Diagnostic {
            Diagnostic(
                .error, .signatureMissing, "could not sign: \(message)",
                at: SourceLocation(file: "<sign>", line: 1, column: 1),
                help: "`ssh-keygen` (OpenSSH) signs; install it, or check the key with `ssh-keygen -l -f KEY`")
        }
    }

    /// The public key: read from a `.pub` (or any file holding one public line), else derived by
    /// `ssh-keygen -y` from the private key.
    public func publicKey() throws(Failure) -> SSHPublicKey {
        if let data = FileManager.default.contents(atPath: key),
            let text = String(validating: Array(data), as: UTF8.self),
            let line = text.split(separator: "\n").first, AllowedSigners.isKeyType(String(line.prefix { $0 != " " }))
        {
            do { return try SSHPublicKey(text: String(line)) } catch {
                throw Failure(message: "\(key): \(error.message)")
            }
        }
        let printed = try Self.run(["-y", "-f", key], stdin: [])
        do {
            return try SSHPublicKey(
                text: String(decoding: printed, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            throw Failure(message: "ssh-keygen -y printed no public key for \(key): \(error.message)")
        }
    }

    /// The armored SSHSIG signature of `bytes` for `namespace`.
    public func sign(_ bytes: [UInt8], namespace: String) throws(Failure) -> [UInt8] {
        try Self.run(["-Y", "sign", "-q", "-f", key, "-n", namespace], stdin: bytes)
    }

    /// Runs `ssh-keygen` with `stdin` and returns its stdout; a non-zero exit is a failure that
    /// quotes the tool's own message.
    static func run(_ arguments: [String], stdin: [UInt8]) throws(Failure) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ssh-keygen"] + arguments
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            throw Failure(message: "ssh-keygen could not start: \(error.localizedDescription)")
        }
        // Feed stdin on its own thread while both outputs are drained, so no pipe fills and blocks.
        let writer = Thread {
            try? input.fileHandleForWriting.write(contentsOf: Data(stdin))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let errorData = Pending(errors.fileHandleForReading)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let message = String(decoding: errorData.wait(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationReason == .exit, process.terminationStatus != 127 else {
            throw Failure(message: "ssh-keygen was not found on PATH")
        }
        guard process.terminationStatus == 0 else {
            throw Failure(
                message: message.isEmpty ? "ssh-keygen exited with status \(process.terminationStatus)" : message)
        }
        return Array(data)
    }

    /// A pipe read to its end on another thread.
    private final class Pending: @unchecked Sendable {
        private let group = DispatchGroup()
        private var data = Data()

        init(_ handle: FileHandle) {
            group.enter()
            DispatchQueue.global().async { [self] in
                data = handle.readDataToEndOfFile()
                group.leave()
            }
        }

        func wait() -> Data {
            group.wait()
            return data
        }
    }
}
