import EcoprodCompiler
import EcoprodFramework
import EcoprodWriters

/// An SSHSIG signature made by `ssh-keygen -Y sign`, then checked natively before it is kept:
/// the key it names must be the key given, in the namespace asked, over these bytes. Score
/// statements, audit plans and certificates are all signed this way, each in its namespace.
enum DetachedSignature {
    static func sign(_ document: [UInt8], key: String, namespace: String) throws(UseCaseFailure) -> [UInt8] {
        let signer = SSHKeygenSigner(key: key)
        do throws(SSHKeygenSigner.Failure) {
            let expected = try signer.publicKey()
            let armored = try signer.sign(document, namespace: namespace)
            let signature = try? SSHSignature(armored: armored)
            guard let signature, signature.publicKey == expected, signature.namespace == namespace,
                signature.isValid(for: document)
            else {
                throw SSHKeygenSigner.Failure(
                    message: "ssh-keygen returned a signature that does not verify over the document")
            }
            return armored
        } catch {
            throw .input(error.diagnostic)
        }
    }

    /// Writes each document to its path, as one transaction: all or none.
    static func write(_ files: [(bytes: [UInt8], path: String)], force: Bool) throws(UseCaseFailure) {
        do {
            var transaction = Transaction()
            for file in files { try transaction.stage(file.bytes, to: file.path, force: force) }
            try transaction.commit()
        } catch {
            throw .input(error.diagnostic)
        }
    }
}
