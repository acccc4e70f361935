import Foundation

/// OpenSSH's `ssh-keygen`, the real tool release managers sign with: tests make their keys with
/// it at run time (no private key is ever committed) and cross-check signatures both ways.
public struct SSHKeygen: Sendable {
    /// A key pair made in a temporary folder: the private key file and its public line.
    public struct Key: Sendable {
        public var privateKey: URL
        public var publicKeyFile: URL
        public var publicLine: String
    }

    public init() {}

    /// Runs `ssh-keygen` with `arguments`; fails the caller with the tool's stderr on error.
    @discardableResult
    public func run(_ arguments: [String], stdin: [UInt8]? = nil, in directory: URL? = nil) throws
        -> ChildProcess.Outcome
    {
        let outcome = try ChildProcess("/usr/bin/env", ["ssh-keygen"] + arguments, in: directory?.path, stdin: stdin)
            .run(deadline: 60)
        return outcome
    }

    /// A new Ed25519 key with no passphrase.
    public func makeKey(in folder: URL, name: String = "signer") throws -> Key {
        let file = folder.appendingPathComponent(name)
        let outcome = try run(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", file.path])
        guard outcome.status == 0 else { throw Failure(String(decoding: outcome.stderr, as: UTF8.self)) }
        let publicFile = folder.appendingPathComponent(name + ".pub")
        let line = try String(contentsOf: publicFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        return Key(privateKey: file, publicKeyFile: publicFile, publicLine: line)
    }

    /// `ssh-keygen -Y sign`: the armored signature of `message` for `namespace`.
    public func sign(_ message: [UInt8], with key: Key, namespace: String) throws -> [UInt8] {
        let outcome = try run(["-Y", "sign", "-q", "-f", key.privateKey.path, "-n", namespace], stdin: message)
        guard outcome.status == 0 else { throw Failure(String(decoding: outcome.stderr, as: UTF8.self)) }
        return outcome.stdout
    }

    /// `ssh-keygen -Y verify`: whether OpenSSH accepts `signature` over `message`.
    public func verify(_ message: [UInt8], signature: URL, allowedSigners: URL, identity: String, namespace: String)
        throws -> ChildProcess.Outcome
    {
        try run(
            ["-Y", "verify", "-f", allowedSigners.path, "-I", identity, "-n", namespace, "-s", signature.path],
            stdin: message)
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }
}
