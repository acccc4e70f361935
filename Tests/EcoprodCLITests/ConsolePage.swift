import Foundation

/// A Markdown page's `console` blocks, read so that they can be run and written back.
///
/// The syntax (docs/testing.md#docs-that-run): a line starting with `$ ` is a command (a line
/// ending in `\` continues it on the next); the lines after it, up to the next command or the
/// fence, are what it prints, stdout and stderr together as a terminal shows them. A last line
/// `[exit N]` says the command exits with status N; without it, the status must be 0. HTML
/// comments `<!-- console-setup … -->` between two blocks hold shell lines run before the next
/// one and not shown, for a state the prose describes ("say you renamed A7").
struct ConsolePage {
    /// One command of a block, with the output the page says it prints.
    struct Command {
        /// The command as the shell gets it, continuation lines included.
        var text: String
        /// The page's 1-based line of the `$ `.
        var line: Int
        /// The expected output's lines, wildcards included, without the `[exit N]` line.
        var expected: [String]
        var expectedStatus: Int32
        /// The 0-based range of page lines holding the expected output and its `[exit N]` line.
        var outputLines: Range<Int>
    }

    /// One fenced `console` block.
    struct Block {
        /// The 1-based line of the opening fence.
        var line: Int
        /// Shell lines from a `console-setup` comment just before the fence.
        var setup: String?
        var commands: [Command]
    }

    /// The page's path, relative to the repository root.
    var path: String
    var lines: [String]
    var blocks: [Block]

    init(path: String, text: String) {
        self.path = path
        lines = text.components(separatedBy: "\n")
        blocks = []
        var index = 0
        var previousEnd = 0
        while index < lines.count {
            guard lines[index].hasPrefix("```console") else {
                index += 1
                continue
            }
            let fence = index
            var end = fence + 1
            while end < lines.count, !lines[end].hasPrefix("```") { end += 1 }
            blocks.append(
                Block(
                    line: fence + 1, setup: Self.setup(in: lines, previousEnd..<fence),
                    commands: Self.commands(lines, fence + 1..<end)))
            index = end + 1
            previousEnd = index
        }
    }

    /// The text of the page with each command's output lines replaced, for re-recording.
    func replacingOutputs(_ outputs: [(range: Range<Int>, lines: [String])]) -> String {
        var result = lines
        for output in outputs.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            result.replaceSubrange(output.range, with: output.lines)
        }
        return result.joined(separator: "\n")
    }

    private static func commands(_ lines: [String], _ body: Range<Int>) -> [Command] {
        var commands: [Command] = []
        var index = body.lowerBound
        while index < body.upperBound {
            guard lines[index].hasPrefix("$ ") else {
                index += 1
                continue
            }
            let start = index
            var text = String(lines[index].dropFirst(2))
            while text.hasSuffix("\\"), index + 1 < body.upperBound {
                index += 1
                text += "\n" + lines[index]
            }
            index += 1
            let outputStart = index
            while index < body.upperBound, !lines[index].hasPrefix("$ ") { index += 1 }
            var expected = Array(lines[outputStart..<index])
            var status: Int32 = 0
            if let last = expected.last, let code = exitStatus(last) {
                status = code
                expected.removeLast()
            }
            commands.append(
                Command(
                    text: text, line: start + 1, expected: expected, expectedStatus: status,
                    outputLines: outputStart..<index))
        }
        return commands
    }

    /// The status in an `[exit N]` line, or nil for any other line.
    static func exitStatus(_ line: String) -> Int32? {
        guard line.hasPrefix("[exit "), line.hasSuffix("]") else { return nil }
        return Int32(line.dropFirst(6).dropLast())
    }

    /// The shell lines of every `<!-- console-setup … -->` comment between the previous block
    /// and this fence, in page order: one may follow a block to undo what its setup did.
    private static func setup(in lines: [String], _ range: Range<Int>) -> String? {
        var found: [String] = []
        var index = range.lowerBound
        while index < range.upperBound {
            guard lines[index].hasPrefix("<!-- console-setup") else {
                index += 1
                continue
            }
            var body: [String] = [String(lines[index].dropFirst("<!-- console-setup".count))]
            while !body[body.count - 1].hasSuffix("-->"), index + 1 < range.upperBound {
                index += 1
                body.append(lines[index])
            }
            body[body.count - 1] = String(body[body.count - 1].dropLast(3))
            found.append(body.joined(separator: "\n"))
            index += 1
        }
        return found.isEmpty ? nil : found.joined(separator: "\n")
    }
}
