import EcoprodFramework
import StrictYAML

extension Diagnostic {
    /// `suggestions` are the ranked rename candidates: their text for the notes, and the criterion
    /// each names, whose mapping gets `replaces: [ID]` as a fix.
    static func criterionDisappeared(
        _ id: String, previous: SemanticVersion, at location: SourceLocation,
        suggestions: [(text: String, criterion: CriterionSource)]
    ) -> Diagnostic {
        var diagnostic = Diagnostic(
            .error, .criterionDisappeared, "criterion \(id) of release \(previous) is gone, with no migration rule",
            at: location,
            notes: suggestions.map { Note("did you mean it was renamed to \($0.text)?") },
            help:
                "add 'replaces: [\(id)]' to the criterion that takes its place, or list it under 'retired:' in framework.yaml with a reason"
        )
        diagnostic.fixes = suggestions.map { suggestion in
            // A block mapping starts at its first key: the new key goes on the line after `id:`, at that column.
            let mapping = suggestion.criterion.range.start
            let line = suggestion.criterion.id.range.start.line + 1
            let at = SourceLocation(
                file: suggestion.criterion.range.file, line: line, column: 1, endLine: line, endColumn: 1)
            return FixIt(
                "Add a migration rule: \(suggestion.criterion.id.value) replaces \(id)",
                edits: [FixIt.Edit(at, String(repeating: " ", count: mapping.column - 1) + "replaces: [\(id)]\n")])
        }
        return diagnostic
    }

    /// `previous` is nil when there is no earlier release at all.
    static func staleReplaces(_ id: String, previous: SemanticVersion?, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            .warning, .staleReplaces, "replaces \(id), \(Self.absence(of: id, in: previous)); this rule is ignored",
            at: SourceLocation(range),
            help: "migration rules lead from the latest release; remove rules that an earlier release already applied")
    }

    static func mergeWithoutCombine(_ id: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            .error, .mergeWithoutCombine,
            "criterion \(id) merges several criteria but does not say how their statuses combine",
            at: SourceLocation(range),
            help: "add 'combine: all-met' (met only if every merged criterion was met) or 'combine: any-met'")
    }

    static func combineWithoutMerge(_ id: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            .error, .combineWithoutMerge, "criterion \(id) has 'combine' but replaces fewer than two criteria",
            at: SourceLocation(range), help: "remove 'combine', or list every merged criterion under 'replaces'")
    }

    static func conflictingRules(_ message: String, at range: SourceRange, help: String) -> Diagnostic {
        Diagnostic(.error, .conflictingRules, message, at: SourceLocation(range), help: help)
    }

    static func retiredIDReused(_ id: String, retiredIn version: SemanticVersion?, at range: SourceRange) -> Diagnostic
    {
        Diagnostic(
            .error, .retiredIDReused,
            "criterion ID \(id) was retired\(version.map { " in \($0)" } ?? ""); it cannot be reused",
            at: SourceLocation(range),
            help: "give the new criterion a fresh ID: answers for the retired one must never be read as answers for it")
    }

    static func staleRetired(_ id: String, previous: SemanticVersion?, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            .warning, .staleRetired, "retires \(id), \(Self.absence(of: id, in: previous)); this entry is ignored",
            at: SourceLocation(range),
            help: "remove retired entries that an earlier release already applied")
    }

    private static func absence(of id: String, in previous: SemanticVersion?) -> String {
        previous.map { "which release \($0) does not have" } ?? "but there is no earlier release to migrate from"
    }
}
