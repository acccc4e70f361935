import CLibYAML

/// Reads one YAML file with libyaml's event API into a ``YAMLNode`` tree, under the strict profile.
///
/// Why events and not a higher-level library: events carry exact start and end marks, let us
/// refuse aliases instead of expanding them, and let us go on past a duplicate key so that an
/// editor sees every problem in one run.
///
/// The profile: no implicit typing; duplicate keys, anchors, aliases, non-core tags, complex
/// keys and a second document are refused; nesting depth, node count, scalar length and file
/// size are bounded; invalid UTF-8 is refused with its position; a UTF-8 BOM and CRLF are fine.
public struct YAMLReader: Sendable {
    /// The limits applied to every file.
    public var limits: YAMLLimits

    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// Reads `bytes`, naming them `file` in every range and problem.
    public func read(_ bytes: [UInt8], file: String) -> YAMLReadResult {
        bytes.withUnsafeBytes { read(buffer: $0, file: file) }
    }

    /// Reads a buffer of bytes, naming it `file` in every range and problem.
    public func read(buffer: UnsafeRawBufferPointer, file: String) -> YAMLReadResult {
        if buffer.count > limits.maxFileBytes {
            let problem = YAMLProblem(
                kind: .sizeLimit,
                message: "file is \(buffer.count) bytes, over the limit of \(limits.maxFileBytes) bytes",
                range: SourceRange(file: file, at: SourcePosition(line: 1, column: 1)))
            return YAMLReadResult(root: nil, problems: [problem])
        }
        if let offset = UTF8Validation.firstInvalidOffset(in: buffer) {
            let position = UTF8Validation.position(ofByteOffset: offset, in: buffer)
            let byte = String(buffer[offset], radix: 16, uppercase: true)
            let problem = YAMLProblem(
                kind: .invalidUTF8,
                message: "invalid UTF-8: byte 0x\(byte) at offset \(offset) does not start a valid sequence",
                range: SourceRange(file: file, at: position))
            return YAMLReadResult(root: nil, problems: [problem])
        }
        var builder = YAMLTreeBuilder(file: file, limits: limits)
        builder.layout = YAMLLayout(bytes: buffer)
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            builder.report(
                .syntax, "libyaml could not start a parser (out of memory)", at: SourcePosition(line: 1, column: 1))
            return builder.result()
        }
        defer { yaml_parser_delete(parser) }
        let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self)
        let empty: [UInt8] = [0]
        empty.withUnsafeBufferPointer { emptyPointer in
            yaml_parser_set_input_string(parser, base ?? emptyPointer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while !builder.isFinished {
                guard yaml_parser_parse(parser, &event) == 1 else {
                    builder.reportParserError(parser.pointee, buffer: buffer)
                    break
                }
                builder.consume(event)
                let done = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                if done { break }
            }
        }
        return builder.result()
    }
}
