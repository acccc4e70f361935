import ArgumentParser
import EcoprodApplication

/// `ecoprod sign BUNDLE --sign KEY`: adds `BUNDLE.sig` to a release that has none (releases made
/// before signing existed), without changing one byte of the bundle.
struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign", abstract: "Sign an existing release bundle (writes BUNDLE.sig, never changes the bundle).")

    @Argument(help: "The bundle file to sign.")
    var bundle: String

    @Option(
        name: .long, help: "The key, as ssh-keygen -f takes it: a private key file, or a .pub whose key an agent holds."
    )
    var sign: String

    @OptionGroup var trust: TrustOptions
    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        let path = try failing(in: diagnostics) { () throws(UseCaseFailure) in
            try BundleSigning(bundle: bundle, key: sign, allowedSigners: trust.allowedSigners).run()
        }
        Console.status("Signed \(bundle)\nWrote \(path)\n")
    }
}
