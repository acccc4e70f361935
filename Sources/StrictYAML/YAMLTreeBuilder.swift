import CLibYAML

/// Turns libyaml events into a tree, one event at a time, collecting problems as it goes.
struct YAMLTreeBuilder {
    /// An open collection. Frames are mutated in place at the top of the stack, so that
    /// appending to a long sequence never copies it.
    private struct Frame {
        var isMapping: Bool
        var start: SourcePosition
        /// `[…]` or `{…}` rather than block layout.
        var isFlow = false
        var tag: String?
        var items: [YAMLNode] = []
        var entries: [YAMLMappingEntry] = []
        var pendingKey: YAMLNode?
        var keyIsDuplicate = false
        /// Keys seen so far, by text; only filled for large mappings; small ones scan `entries`.
        var seen: [String: SourceRange] = [:]

        /// The range of an earlier key with this text, if any.
        mutating func firstRange(ofKey key: String, range: SourceRange) -> SourceRange? {
            if entries.count < 16 && seen.isEmpty {
                if let entry = entries.first(where: { $0.key.scalar?.value == key }) { return entry.key.range }
                if entries.count == 15 {
                    for entry in entries { seen[entry.keyText] = entry.key.range }
                    seen[key] = range
                }
                return nil
            }
            if let first = seen[key] { return first }
            seen[key] = range
            return nil
        }
    }

    private static let coreTagPrefix = "tag:yaml.org,2002:"
    private static let coreTags: Set<String> = ["str", "int", "bool", "null", "float", "map", "seq"]

    let file: SourceFileName
    let limits: YAMLLimits
    private var stack: [Frame] = []
    private var root: YAMLNode?
    private var problems: [YAMLProblem] = []
    private var documentCount = 0
    private var nodeCount = 0
    private var droppedProblems = 0
    private(set) var isFinished = false
    /// The source bytes, for the layout rules libyaml does not enforce; nil skips them.
    var layout: YAMLLayout?
    /// The last line reported for its indentation, so that a line is reported once.
    private var lastIndentationLine = 0
    /// A line where libyaml's syntax error is a consequence of a problem already reported.
    private var explainedSyntaxErrorLine: Int?

    init(file: String, limits: YAMLLimits) {
        self.file = SourceFileName(file)
        self.limits = limits
    }

    func result() -> YAMLReadResult {
        var all = problems
        if droppedProblems > 0, let last = problems.last {
            all.append(
                YAMLProblem(
                    kind: .tooManyProblems,
                    message: "\(droppedProblems) more problems in this file were not listed",
                    range: last.range))
        }
        return YAMLReadResult(root: root, problems: all)
    }

    /// A control character other than tab and line feed is refused in a scalar however it was
    /// written: libyaml refuses one written raw, and this refuses one written as an escape
    /// (`"\e]0;…\a"`, `"\x9b"`), which would otherwise reach terminals, pages and pull requests.
    mutating func checkControls(in value: String, start: SourcePosition, end: SourcePosition) {
        guard let control = value.unicodeScalars.first(where: Self.isRefusedControl) else { return }
        let code = String(control.value, radix: 16, uppercase: true)
        report(
            .syntax,
            "the scalar holds the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code), "
                + "written as an escape; only tab and line feed may appear in a text",
            at: start, end: end)
    }

    /// C0 controls but tab and line feed, and C1 controls.
    static func isRefusedControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
    }

    mutating func report(
        _ kind: YAMLProblem.Kind, _ message: String, at start: SourcePosition, end: SourcePosition? = nil,
        related: [YAMLProblem.Related] = []
    ) {
        guard problems.count < limits.maxProblems else {
            droppedProblems += 1
            return
        }
        problems.append(
            YAMLProblem(
                kind: kind, message: message, range: SourceRange(file: file, start: start, end: end ?? start),
                related: related))
    }

    private func position(_ mark: yaml_mark_t) -> SourcePosition {
        SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    mutating func reportParserError(_ parser: yaml_parser_t, buffer: UnsafeRawBufferPointer) {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            message = "\(problem) \(context)"
        }
        let at: SourcePosition
        if parser.error == YAML_READER_ERROR {
            at = UTF8Validation.position(ofByteOffset: parser.problem_offset, in: buffer)
            if parser.problem_value >= 0 {
                message += " (character U+\(String(parser.problem_value, radix: 16, uppercase: true)))"
            }
        } else {
            at = position(parser.problem_mark)
        }
        var related: [YAMLProblem.Related] = []
        if parser.context != nil, parser.error != YAML_READER_ERROR {
            let contextAt = position(parser.context_mark)
            if contextAt != at {
                related.append(
                    .init(range: SourceRange(file: file, at: contextAt), message: "the construct started here"))
            }
        }
        isFinished = true
        if at.line == explainedSyntaxErrorLine, !problems.isEmpty { return }
        report(.syntax, "YAML syntax error: \(message)", at: at, related: related)
    }

    mutating func consume(_ event: yaml_event_t) {
        let start = position(event.start_mark)
        let end = position(event.end_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documentCount += 1
            if documentCount > 1 {
                report(
                    .multipleDocuments, "a second YAML document starts here; a framework file holds exactly one",
                    at: start, end: end)
                isFinished = true
            } else if event.data.document_start.implicit == 0 {
                checkDirectives(before: end)
            }
        case YAML_ALIAS_EVENT:
            let anchor = String(cString: event.data.alias.anchor)
            report(.alias, "alias '*\(anchor)' is not allowed: write the value out in full", at: start, end: end)
            attach(
                YAMLNode(
                    kind: .scalar(YAMLScalar(value: "", style: .plain)),
                    range: SourceRange(file: file, start: start, end: end)))
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            checkAnchor(scalar.anchor, at: start)
            let tag = checkTag(scalar.tag, at: start, end: end)
            if scalar.length > limits.maxScalarBytes {
                report(
                    .scalarLength, "scalar is \(scalar.length) bytes, over the limit of \(limits.maxScalarBytes) bytes",
                    at: start, end: end)
            }
            let value = String(
                decoding: UnsafeBufferPointer(start: scalar.value, count: min(scalar.length, limits.maxScalarBytes)),
                as: UTF8.self)
            let style: YAMLScalar.Style
            switch scalar.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            countNode(at: start)
            checkControls(in: value, start: start, end: end)
            checkLayout(scalar: value, style: style, start: start, end: end)
            attach(
                YAMLNode(
                    kind: .scalar(YAMLScalar(value: value, style: style)),
                    range: SourceRange(file: file, start: start, end: end), tag: tag))
        case YAML_SEQUENCE_START_EVENT:
            checkAnchor(event.data.sequence_start.anchor, at: start)
            let tag = checkTag(event.data.sequence_start.tag, at: start, end: end)
            checkContinuation(line: start.line)
            push(
                Frame(
                    isMapping: false, start: start, isFlow: event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE,
                    tag: tag), at: start)
        case YAML_MAPPING_START_EVENT:
            checkAnchor(event.data.mapping_start.anchor, at: start)
            let tag = checkTag(event.data.mapping_start.tag, at: start, end: end)
            checkContinuation(line: start.line)
            push(
                Frame(
                    isMapping: true, start: start, isFlow: event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE,
                    tag: tag), at: start)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            if stack.last?.isFlow == true { checkContinuation(line: end.line) }
            guard let frame = stack.popLast() else { return }
            let kind: YAMLNode.Kind = frame.isMapping ? .mapping(frame.entries) : .sequence(frame.items)
            attach(YAMLNode(kind: kind, range: SourceRange(file: file, start: frame.start, end: end), tag: frame.tag))
        default:
            break
        }
    }

    private mutating func push(_ frame: Frame, at start: SourcePosition) {
        guard stack.count < limits.maxDepth else {
            report(.depthLimit, "nesting is deeper than the limit of \(limits.maxDepth) levels", at: start)
            isFinished = true
            return
        }
        countNode(at: start)
        stack.append(frame)
    }

    private mutating func countNode(at start: SourcePosition) {
        nodeCount += 1
        if nodeCount == limits.maxNodes + 1 {
            report(.nodeLimit, "file has more than \(limits.maxNodes) nodes, the limit", at: start)
            isFinished = true
        }
    }

    private mutating func checkAnchor(_ anchor: UnsafeMutablePointer<yaml_char_t>?, at start: SourcePosition) {
        guard let anchor else { return }
        let name = String(cString: anchor)
        report(.anchor, "anchor '&\(name)' is not allowed: this profile has no anchors or aliases", at: start)
    }

    private mutating func checkTag(
        _ tag: UnsafeMutablePointer<yaml_char_t>?, at start: SourcePosition, end: SourcePosition
    ) -> String? {
        guard let tag else { return nil }
        let text = String(cString: tag)
        if text == "!" { return nil }
        if text.hasPrefix(Self.coreTagPrefix), Self.coreTags.contains(String(text.dropFirst(Self.coreTagPrefix.count)))
        {
            return text
        }
        let shown = text.hasPrefix(Self.coreTagPrefix) ? "!!" + text.dropFirst(Self.coreTagPrefix.count) : text
        report(
            .tag,
            "tag '\(shown)' is not allowed: only the core tags !!str, !!int, !!bool, !!null, !!float, !!map and !!seq are",
            at: start, end: end)
        return nil
    }

    private mutating func attach(_ node: YAMLNode) {
        guard !stack.isEmpty else {
            if root == nil { root = node }
            return
        }
        let top = stack.count - 1
        if !stack[top].isMapping {
            stack[top].items.append(node)
            return
        }
        if let key = stack[top].pendingKey {
            if !stack[top].keyIsDuplicate {
                stack[top].entries.append(YAMLMappingEntry(key: key, value: node))
            }
            stack[top].pendingKey = nil
            stack[top].keyIsDuplicate = false
            return
        }
        var duplicate = false
        if let scalar = node.scalar {
            if let first = stack[top].firstRange(ofKey: scalar.value, range: node.range) {
                duplicate = true
                report(
                    .duplicateKey, "duplicate key '\(scalar.value)'", at: node.range.start, end: node.range.end,
                    related: [.init(range: first, message: "'\(scalar.value)' was first defined here")])
            }
        } else {
            duplicate = true
            report(
                .complexKey, "mapping keys must be scalars, not \(node.shapeDescription)", at: node.range.start,
                end: node.range.end)
        }
        stack[top].pendingKey = node
        stack[top].keyIsDuplicate = duplicate
    }

    // MARK: Layout rules libyaml does not enforce (YAMLLayout)

    private mutating func checkLayout(
        scalar value: String, style: YAMLScalar.Style, start: SourcePosition, end: SourcePosition
    ) {
        guard let layout else { return }
        switch style {
        case .singleQuoted, .doubleQuoted:
            if layout.byte(at: end) == UInt8(ascii: "#") {
                report(
                    .commentWithoutSpace,
                    "a comment needs white space before its '#': here '#' follows the closing quote", at: end)
            }
            if end.line > start.line {
                for line in (start.line + 1)...end.line { checkContinuation(line: line, quotedFrom: start.line) }
            } else {
                checkContinuation(line: start.line)
            }
        case .literal, .folded:
            if let at = layout.commentGlued(toBlockHeaderAt: start) {
                report(
                    .commentWithoutSpace,
                    "a comment needs white space before its '#': here '#' follows the block scalar indicator", at: at)
            }
            let parentIndentation = (stack.last?.start.column ?? 0) - 1
            if let found = layout.overIndentedLeadingLine(blockHeaderAt: start, parentIndentation: parentIndentation) {
                report(
                    .blockScalarIndentation,
                    "this empty line holds more spaces than the block scalar's first line of text (line \(found.text), indented \(found.empty.column - 1)); YAML 1.2 forbids it",
                    at: found.empty,
                    related: [.init(range: SourceRange(file: file, at: start), message: "the block scalar starts here")]
                )
                // libyaml reads the scalar as empty and fails at the text: the cause is reported.
                explainedSyntaxErrorLine = found.text
            }
            checkContinuation(line: start.line)
        case .plain:
            if stack.last?.isFlow == true, value == "-" || value.hasPrefix("- ") {
                report(
                    .dashInFlow, "'-' entries are block syntax; inside [ ] or { } separate entries with commas",
                    at: start, end: end)
            }
            checkContinuation(line: start.line)
        }
    }

    /// `%YAML` other than 1.2 and `%TAG` are refused; a comment glued to a directive is not one.
    private mutating func checkDirectives(before start: SourcePosition) {
        guard let layout else { return }
        for directive in layout.directives(before: start.line) {
            let at = SourcePosition(line: directive.line, column: 1)
            switch directive.name {
            case "YAML" where directive.parameters != ["1.2"]:
                report(
                    .directive,
                    "'%YAML \(directive.parameters.joined(separator: " "))' asks for another YAML version; framework files are read as YAML 1.2",
                    at: at)
            case "TAG":
                report(.directive, "'%TAG' declares a tag shorthand; framework files use no tags", at: at)
            default:
                break
            }
            if directive.name == "YAML", let column = directive.gluedComment {
                report(
                    .commentWithoutSpace, "a comment needs white space before its '#': here '#' follows the directive",
                    at: SourcePosition(line: directive.line, column: column))
            }
        }
    }

    /// A line that continues a flow collection (or a quoted scalar from `quotedFrom`) inside a
    /// block collection must be indented, with spaces, more than that block collection.
    private mutating func checkContinuation(line: Int, quotedFrom quotedLine: Int? = nil) {
        guard let layout, line != lastIndentationLine else { return }
        let flow = stack.firstIndex { $0.isFlow }
        let block: Frame
        let firstLine: Int
        if let flow {
            guard flow > 0 else { return }
            block = stack[flow - 1]
            firstLine = stack[flow].start.line
        } else {
            guard let quotedLine, let top = stack.last else { return }
            block = top
            firstLine = quotedLine
        }
        guard line > firstLine else { return }
        let indentation = layout.indentation(ofLine: line)
        guard !indentation.isBlank, indentation.spaces <= block.start.column - 1 else { return }
        lastIndentationLine = line
        report(
            .flowIndentation,
            "this line continues \(flow == nil ? "a quoted scalar" : "a flow collection") begun on line \(firstLine); it must be indented with spaces past column \(block.start.column)",
            at: SourcePosition(line: line, column: 1),
            related: [
                .init(
                    range: SourceRange(file: file, at: block.start),
                    message: "the block collection it belongs to starts here")
            ])
    }
}
