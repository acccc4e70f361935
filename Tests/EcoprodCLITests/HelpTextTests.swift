import Foundation
import TestSupport
import Testing

/// Every subcommand's help says each default once, and lists every value an option takes.
@Suite struct HelpTextTests {
    static let commands = [
        "check", "build", "verify", "diff", "release", "sign", "score", "verify-statement", "migrate", "render",
        "import",
        "explain", "lsp",
    ]

    /// The descriptions of a help page's options, each joined onto one line.
    static func options(_ help: String) -> [String] {
        var options: [String] = []
        for line in help.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("-") {
                options.append(String(trimmed))
            } else if !options.isEmpty, line.hasPrefix("    ") {
                options[options.count - 1] += " " + trimmed
            }
        }
        return options
    }

    @Test(arguments: commands)
    func noDefaultIsSaidTwice(_ command: String) throws {
        let result = try runEcoprod([command, "--help"])
        #expect(result.status == 0)
        for option in Self.options(result.stdout) {
            let said = option.lowercased().components(separatedBy: "default").count - 1
            #expect(said <= 1, "\(command): \(option)")
        }
    }

    /// Options whose values the help lists (`values: …`): each one named in the description too.
    @Test(arguments: commands)
    func everyListedValueIsDescribed(_ command: String) throws {
        let result = try runEcoprod([command, "--help"])
        for option in Self.options(result.stdout) {
            guard let values = option.range(of: "(values: ") else { continue }
            let description = option[..<values.lowerBound]
            let listed = option[values.upperBound...].prefix { $0 != ";" && $0 != ")" }
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard description.contains("Output:") || description.contains("format:") else { continue }
            for value in listed {
                #expect(description.contains(value), "\(command): '\(value)' is offered but not described: \(option)")
            }
        }
    }
}
