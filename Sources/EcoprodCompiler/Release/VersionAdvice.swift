import EcoprodFramework

/// What the sources' version must become before they are released: V804's rule, worked out by
/// every compilation against the newest release, as a warning.
///
/// `release` refuses an understated version; `check` and the language server say so while the
/// editor is still editing, and name the newest release, so that "criterion G3 of release
/// 1.1.0 is gone" is never the only clue that 2.0.0 exists.
enum VersionAdvice {
    /// A warning when the sources differ from the newest release by more than their version
    /// says; none when they match it or are numbered high enough.
    static func diagnostics(
        for framework: Framework, history: ReleaseHistory, at location: SourceLocation
    ) -> [Diagnostic] {
        guard let latest = history.latest?.bundle else { return [] }
        let latestVersion = latest.framework.identity.version
        let version = framework.identity.version
        let diff = FrameworkDiff(from: latest.framework, to: framework)
        guard let bump = diff.requiredBump else { return [] }
        let minimum = bump.minimumVersion(after: latestVersion)
        guard version < minimum else { return [] }
        let locale = diff.descriptionLocale(nil)
        let notes = diff.changes.filter { $0.bump == bump }.prefix(5).map {
            Diagnostic.Note("\($0.bump.rawValue): \($0.summary(in: locale, titles: diff.titles))")
        }
        let message =
            version <= latestVersion
            ? "release \(latestVersion) is the newest, and these sources differ from it by a \(bump.rawValue) change: they will be released as \(minimum) or later"
            : "version \(version) understates the change since release \(latestVersion): a \(bump.rawValue) change needs at least \(minimum)"
        return [
            Diagnostic(
                .warning, .versionUnderstated, message, at: location, notes: Array(notes),
                help: "set 'version: \(minimum)' in framework.yaml before `ecoprod release`")
        ]
    }
}
