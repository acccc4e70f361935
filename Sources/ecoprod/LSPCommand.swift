import ArgumentParser
import EcoprodApplication
import EcoprodLanguageServer
import Foundation

/// `ecoprod lsp`: the language server, over stdio. Editors start it in the folder that holds
/// `Framework/`; stdout carries protocol messages only, logs go to stderr.
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp", abstract: "Run the language server (LSP 3.17 over stdio) for the framework's sources.")

    @Option(name: .long, help: "The framework folder, from the current folder.")
    var framework = "Framework"

    @OptionGroup var limits: ReaderLimitOptions

    func run() throws {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var server = LanguageServer(
            framework: URL(fileURLWithPath: framework, relativeTo: current), limits: limits.limits)
        let status = server.run()
        if status != 0 { throw CommandFailure(failure: .status(status), format: .text) }
    }
}
