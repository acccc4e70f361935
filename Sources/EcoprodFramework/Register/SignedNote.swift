import Foundation

/// C2SP signed-note: a text of lines, a blank line, and signature lines
/// `— <key name> <base64(key hash || signature)>`, each signature over the text with its final
/// newline. A register's checkpoint is one.
public enum SignedNote {
    /// Why a note does not open.
    public enum Refusal: Error, Sendable, Equatable {
        case malformed(String)
        /// No signature line by the key given, or none that verifies.
        case notSignedBy(String)

        public var message: String {
            switch self {
            case .malformed(let reason): return "not a signed note: \(reason)"
            case .notSignedBy(let name): return "no valid signature by \(name)"
            }
        }
    }

    /// `text` (lines each ending in a newline) signed by `signer`.
    public static func sign(_ text: String, by signer: NoteSigner) throws(NoteVerifier.Malformed) -> String {
        let signature = try signer.signature(of: Array(text.utf8))
        let line = "— \(signer.name) \(Data(signer.verifier.keyHash + signature).base64EncodedString())\n"
        return text + "\n" + line
    }

    /// The note's text, once a signature by `verifier` checks; other signature lines (a
    /// witness's) are ignored.
    public static func open(_ note: [UInt8], by verifier: NoteVerifier) throws(Refusal) -> String {
        guard let text = String(bytes: note, encoding: .utf8) else { throw .malformed("not UTF-8") }
        guard let split = text.range(of: "\n\n", options: .backwards) else {
            throw .malformed("no blank line before the signatures")
        }
        let body = String(text[..<split.lowerBound]) + "\n"
        let signatures = text[split.upperBound...]
        guard signatures.hasSuffix("\n"), !body.dropLast().contains("\n\n") else {
            throw .malformed("signature lines end with a newline, and the text has no blank line")
        }
        for line in signatures.split(separator: "\n") {
            guard line.hasPrefix("— ") else { throw .malformed("a signature line starts with '— '") }
            let fields = line.dropFirst(2).split(separator: " ")
            guard fields.count == 2, let raw = Data(base64Encoded: String(fields[1])).map(Array.init), raw.count > 4
            else { throw .malformed("a signature line is '— <name> <base64>'") }
            if fields[0] == verifier.name, Array(raw.prefix(4)) == verifier.keyHash,
                verifier.isValid(Array(raw.dropFirst(4)), for: Array(body.utf8))
            {
                return body
            }
        }
        throw .notSignedBy(verifier.name)
    }
}
