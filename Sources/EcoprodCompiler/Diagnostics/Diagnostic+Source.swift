import EcoprodFramework
import StrictYAML

/// Factory methods, one per source code: the message and the help live here, not at call sites.
extension Diagnostic {
    public static func yaml(_ problem: YAMLProblem) -> Diagnostic {
        let help: String?
        switch problem.kind {
        case .syntax:
            help =
                problem.message.contains("cannot start any token")
                ? "YAML indents with spaces; a tab or a stray character cannot start a token here" : nil
        case .duplicateKey: help = "remove one of the two keys; YAML mappings hold each key once"
        case .anchor, .alias: help = "write the value out in full: anchors and aliases hide what a criterion says"
        case .tag: help = "remove the tag; values are typed by the framework schema, not by tags"
        case .multipleDocuments: help = "remove the '---' separator and what follows, or move it to its own file"
        case .complexKey: help = "use a plain text key"
        case .depthLimit, .sizeLimit, .nodeLimit, .scalarLength:
            help =
                "the strict reader's limits are in docs/formats.md; raise them with --max-* flags if the input is genuine"
        case .invalidUTF8: help = "save the file as UTF-8"
        case .tooManyProblems: help = nil
        case .commentWithoutSpace: help = "put a space before the '#'; without it the '#' is not a comment in YAML 1.2"
        case .flowIndentation:
            help = "indent the continuation with spaces past the key it belongs to, or keep the list on one line"
        case .dashInFlow: help = "inside [ ] separate entries with commas: [preparation, shoot]"
        case .directive: help = "remove the directive and its '---' line: framework files are YAML 1.2, without tags"
        case .blockScalarIndentation:
            help =
                "remove the spaces from the empty line: a block scalar's indentation comes from its first line of text"
        }
        return Diagnostic(
            problem.kind == .tooManyProblems ? .note : .error, .forYAMLProblem(problem.kind), problem.message,
            at: SourceLocation(problem.range),
            notes: problem.related.map { Note($0.message, at: SourceLocation($0.range)) }, help: help)
    }

    static func unknownKey(_ key: String, at range: SourceRange, in context: String, allowed: [String]) -> Diagnostic {
        let suggestion = Spelling.closest(to: key, among: allowed)
        var diagnostic = Diagnostic(
            .error, .unknownKey, "unknown key '\(key)' in \(context)", at: SourceLocation(range),
            help: suggestion.map { "did you mean '\($0)'?" } ?? "expected one of: \(allowed.joined(separator: ", "))")
        diagnostic.fixes = suggestion.map { [.replacing(SourceLocation(range), shown: key, with: $0)] } ?? []
        return diagnostic
    }

    /// A misspelt reference with one close declared name gets that name as its fix.
    static func withSpellingFix(_ diagnostic: Diagnostic, _ id: String, suggestion: String?, at range: SourceRange)
        -> Diagnostic
    {
        var fixed = diagnostic
        fixed.fixes = suggestion.map { [.replacing(SourceLocation(range), shown: id, with: $0)] } ?? []
        return fixed
    }

    static func missingKey(_ key: String, in context: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            .error, .missingKey, "\(context) is missing the required key '\(key)'", at: SourceLocation(range),
            help: "add '\(key):' to \(context)")
    }

    static func wrongType(expected: String, found: YAMLNode, what: String) -> Diagnostic {
        let shown = found.scalar.map { "'\($0.value)'" } ?? found.shapeDescription
        return Diagnostic(
            .error, .wrongType, "\(what) must be \(expected), found \(shown)", at: SourceLocation(found.range))
    }

    static func invalidValue(_ message: String, at range: SourceRange, help: String?) -> Diagnostic {
        Diagnostic(.error, .invalidValue, message, at: SourceLocation(range), help: help)
    }

    static func emptyFile(_ file: String) -> Diagnostic {
        Diagnostic(
            .error, .emptyFile, "file is empty", at: .file(file), help: "a framework file holds one YAML mapping")
    }

    static func idPattern(_ id: String, pattern: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            .error, .idPattern, "criterion ID '\(id)' does not match the pattern \(pattern)", at: SourceLocation(range),
            help: "criterion IDs are set by criterion_id_pattern in framework.yaml")
    }

    static func duplicateID(_ id: String, what: String, at range: SourceRange, first: SourceRange) -> Diagnostic {
        Diagnostic(
            .error, .duplicateID, "duplicate \(what) ID '\(id)'", at: SourceLocation(range),
            notes: [Note("'\(id)' was first declared here", at: SourceLocation(first))],
            help: "IDs are unique across the whole framework")
    }

    static func invalidIDPattern(_ pattern: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            .error, .invalidIDPattern, "criterion_id_pattern '\(pattern)' is not a valid regular expression",
            at: SourceLocation(range))
    }

    static func invalidPoints(found: YAMLNode) -> Diagnostic {
        var diagnostic = invalidPoints(
            shown: found.scalar.map { "'\($0.value)'" } ?? found.shapeDescription, at: found.range)
        if let text = found.scalar?.value, let value = PointsSpelling.decimal(of: text),
            Criterion.pointsRange.contains(value)
        {
            diagnostic.fixes = [.replacing(SourceLocation(found.range), shown: text, with: String(value))]
        }
        return diagnostic
    }

    static func invalidPoints(shown: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            .error, .invalidPoints,
            "points must be a decimal integer from 1 to \(Criterion.maximumPoints), found \(shown)",
            at: SourceLocation(range),
            help: "write the points as digits, such as 'points: 3'; no sign, no 0x, no underscores, no decimals")
    }

    static func invalidMandatory(found: YAMLNode) -> Diagnostic {
        let shown = found.scalar.map { "'\($0.value)'" } ?? found.shapeDescription
        var diagnostic = Diagnostic(
            .error, .invalidMandatory, "mandatory must be true or false, found \(shown)",
            at: SourceLocation(found.range),
            help: "this profile has no implicit booleans: 'yes', 'no', 'on' and 'off' are text")
        if let text = found.scalar?.value {
            switch text.lowercased() {
            case "yes", "y", "on", "true":
                diagnostic.fixes = [.replacing(SourceLocation(found.range), shown: text, with: "true")]
            case "no", "n", "off", "false":
                diagnostic.fixes = [.replacing(SourceLocation(found.range), shown: text, with: "false")]
            default: break
            }
        }
        return diagnostic
    }

    static func unknownDepartment(_ id: String, at range: SourceRange, declared: [String]) -> Diagnostic {
        let suggestion = Spelling.closest(to: id, among: declared)
        return withSpellingFix(
            Diagnostic(
                .error, .unknownDepartment, "department '\(id)' is not declared in framework.yaml",
                at: SourceLocation(range),
                help: suggestion.map { "did you mean '\($0)'?" } ?? "declare it under 'departments:' in framework.yaml"),
            id, suggestion: suggestion, at: range)
    }

    static func emptyDepartment(_ id: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            .error, .emptyDepartment, "department '\(id)' has no criteria", at: SourceLocation(range),
            help: "add a file under departments/ with 'department: \(id)' and its criteria, or remove the department")
    }

    static func unknownProductionType(_ id: String, at range: SourceRange, declared: [String]) -> Diagnostic {
        let suggestion = Spelling.closest(to: id, among: declared)
        return withSpellingFix(
            Diagnostic(
                .error, .unknownProductionType, "production type '\(id)' is not declared in framework.yaml",
                at: SourceLocation(range),
                help: suggestion.map { "did you mean '\($0)'?" }
                    ?? "declared types: \(declared.joined(separator: ", "))"), id, suggestion: suggestion, at: range)
    }

    static func unknownStage(_ id: String, at range: SourceRange, declared: [String]) -> Diagnostic {
        let suggestion = Spelling.closest(to: id, among: declared)
        return withSpellingFix(
            Diagnostic(
                .error, .unknownStage, "stage '\(id)' is not declared in framework.yaml", at: SourceLocation(range),
                help: suggestion.map { "did you mean '\($0)'?" }
                    ?? "declared stages: \(declared.joined(separator: ", "))"), id, suggestion: suggestion, at: range)
    }

    static func departmentFileTwice(_ id: String, at range: SourceRange, first: SourceRange) -> Diagnostic {
        Diagnostic(
            .error, .departmentFileTwice, "department '\(id)' already has a criteria file", at: SourceLocation(range),
            notes: [Note("its criteria are in this file", at: SourceLocation(first))],
            help: "keep one file per department")
    }

    static func missingTranslation(_ locale: String, what: String, at range: SourceRange, insertion: FixIt.Edit? = nil)
        -> Diagnostic
    {
        var diagnostic = Diagnostic(
            .error, .missingTranslation, "\(what) has no '\(locale)' text", at: SourceLocation(range),
            help: "every human text is given in each declared locale")
        diagnostic.fixes =
            insertion.map { [FixIt("Add the '\(locale)' text (a placeholder to translate)", edits: [$0])] } ?? []
        return diagnostic
    }

    static func undeclaredLocale(_ locale: String, at range: SourceRange, declared: [String]) -> Diagnostic {
        Diagnostic(
            .error, .undeclaredLocale, "locale '\(locale)' is not declared in framework.yaml",
            at: SourceLocation(range),
            help: "declared locales: \(declared.joined(separator: ", "))")
    }

    static func thresholdRange(_ text: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            .error, .thresholdRange, "threshold \(text)% is outside (0, 100]", at: SourceLocation(range),
            help: "a threshold is a percentage above 0 and at most 100")
    }

    static func missingComparison(at range: SourceRange) -> Diagnostic {
        Diagnostic(
            .error, .missingComparison, "threshold has no comparison", at: SourceLocation(range),
            notes: [Note("the label states its threshold as 'over 65%', 'a minimum of 65%' and '≥ 65%'")],
            help: "add 'comparison: at-least' or 'comparison: more-than'")
    }

    static func starLevelOrder(_ message: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            .error, .starLevelOrder, message, at: SourceLocation(range),
            help: "list star levels from 1 star up, each at a higher percentage than the last")
    }

    static func starLevelBelowThreshold(stars: Int, level: String, threshold: String, at range: SourceRange)
        -> Diagnostic
    {
        Diagnostic(
            .error, .starLevelBelowThreshold,
            "\(stars)-star level \(level)% is below the scheme's threshold \(threshold)%", at: SourceLocation(range),
            help: "a production below the threshold is not eligible, so it cannot earn stars")
    }

    static func unreachableThreshold(scheme: String, threshold: String, types: [String], at range: SourceRange)
        -> Diagnostic
    {
        Diagnostic(
            .error, .unreachableThreshold,
            "scheme '\(scheme)' threshold \(threshold) cannot be reached by production type\(types.count > 1 ? "s" : "") \(types.joined(separator: ", "))",
            at: SourceLocation(range),
            notes: [Note("checked with every applicable criterion met, mandatory ones included")],
            help: "lower the threshold, use 'at-least', or make criteria apply to these types")
    }

    static func noSchemes(at range: SourceRange) -> Diagnostic {
        Diagnostic(
            .error, .noSchemes, "scoring declares no schemes", at: SourceLocation(range),
            help: "declare at least one scheme with its threshold")
    }

    static func invalidVersion(_ text: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            .error, .invalidVersion, "version '\(text)' is not a semantic version", at: SourceLocation(range),
            help: "write MAJOR.MINOR.PATCH, such as 1.0.0")
    }

    static func missingFrameworkFile(_ directory: String) -> Diagnostic {
        Diagnostic(
            .error, .missingFrameworkFile, "\(directory) has no framework.yaml", at: .file(directory),
            help: "run ecoprod in the repository root, or pass the framework folder")
    }

    static func pathOutsideFramework(_ path: String, target: String) -> Diagnostic {
        Diagnostic(
            .error, .pathOutsideFramework, "\(path) is a link to \(target), outside the framework folder",
            at: .file(path),
            help: "framework sources must live inside the framework folder")
    }
}
