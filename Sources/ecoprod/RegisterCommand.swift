import ArgumentParser
import EcoprodApplication
import EcoprodFramework

extension RegisterEntry.Event: NamedValueArgument {}

/// `ecoprod register`: the public register of certified productions, a C2SP tiled
/// transparency log anyone can check offline.
struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register", abstract: "Keep the public register of certificates: an append-only, verifiable log.",
        subcommands: [
            RegisterInitCommand.self, RegisterAppendCommand.self, RegisterVerifyCommand.self,
            RegisterCheckProofCommand.self,
        ])
}

struct RegisterInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create an empty register and its signing key.",
        discussion:
            "Writes DIR/checkpoint (size 0, signed), the private key to FILE (owner-only, never inside DIR) and the verifier key to FILE.pub, and prints the verifier key."
    )

    @Argument(help: "The register folder (the static site).")
    var directory: String

    @Option(name: .long, help: "The log's origin, which names it and its key (example.org/ecoprod-register).")
    var origin: String

    @Option(name: .long, help: "Where to write the private note key (FILE.pub gets the verifier key).")
    var keyOutput: String

    func run() throws {
        try failing(in: .text) { () throws(UseCaseFailure) in
            let verifier = try RegisterCreation(directory: directory, origin: origin, keyOutput: keyOutput).run()
            Console.out(verifier.text + "\n")
            Console.status(
                "Created \(directory)/checkpoint (size 0); private key \(keyOutput), verifier key \(keyOutput).pub\n")
        }
    }
}

struct RegisterAppendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append", abstract: "Append an event on a verified certificate, then sign the new checkpoint.")

    @Argument(help: "The register folder.")
    var directory: String

    @Argument(help: "The certificate (CERT.sig is its signature).")
    var certificate: String

    @Option(name: .long, help: "issued, suspended, reinstated or withdrawn.")
    var event: RegisterEntry.Event

    @Option(name: .long, help: "Why (required for every event but issued).")
    var reason: String?

    @Option(name: .long, help: "The register's private note key.")
    var key: String

    @OptionGroup var trust: AuditTrustOptions
    @OptionGroup var date: ReleaseDateOptions

    func run() throws {
        let day = try date.resolve(todayByDefault: true) ?? ""
        try failing(in: .text) { () throws(UseCaseFailure) in
            let appended = try RegisterAppending(
                directory: directory, certificate: certificate, event: event, reason: reason, key: key, date: day,
                releases: trust.releases, allowedSigners: trust.allowedSigners
            ).run()
            Console.status(
                "Appended entry \(appended.index) (\(event.rawValue)); register size \(appended.size); proof \(appended.proofPath)\n"
            )
        }
    }
}

struct RegisterVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Recompute every tile from the entries and check the checkpoint.")

    @Argument(help: "The register folder.")
    var directory: String

    @Option(name: .long, help: "The register's verifier key, or a file holding it.")
    var verifierKey: String

    @Option(name: .long, help: "An earlier checkpoint: check that nothing it holds was rewritten or removed.")
    var previous: String?

    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        try failing(in: diagnostics.format) { () throws(UseCaseFailure) in
            var collector = DiagnosticCollector()
            let checkpoint = try RegisterVerification(
                directory: directory, verifierKey: verifierKey, previous: previous
            ).run(into: &collector)
            let failed = Console.report(collector.sorted(), options: diagnostics)
            guard !failed, let checkpoint else { throw .alreadyReported }
            Console.status(
                "ok \(directory): \(checkpoint.origin), \(checkpoint.size) entries, every tile recomputed\(previous.map { ", consistent with \($0)" } ?? "")\n"
            )
        }
    }
}

struct RegisterCheckProofCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-proof", abstract: "Prove offline that a certificate is in the register.")

    @Argument(help: "The certificate.")
    var certificate: String

    @Argument(help: "Its proof (.tlog-proof).")
    var proof: String

    @Option(name: .long, help: "The register's verifier key, or a file holding it.")
    var verifierKey: String

    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        try failing(in: diagnostics.format) { () throws(UseCaseFailure) in
            var collector = DiagnosticCollector()
            let found = try RegisterProofCheck(certificate: certificate, proof: proof, verifierKey: verifierKey)
                .run(into: &collector)
            let failed = Console.report(collector.sorted(), options: diagnostics)
            guard !failed, let (entry, checkpoint) = found else { throw .alreadyReported }
            Console.status(
                "ok \(certificate): \(entry.event.rawValue) on \(entry.date), entry of \(checkpoint.origin) at size \(checkpoint.size)\n"
            )
        }
    }
}
