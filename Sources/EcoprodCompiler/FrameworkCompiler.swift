import EcoprodFramework
import Foundation
import StrictYAML

/// The compiler's entry point: `Framework/` sources in, diagnostics and a compiled model out.
///
/// Stages: read each file with the strict reader → type it by the schema → run the label's
/// rules → build the model. Every stage reports into one collector and none stops at the
/// first error; the model is produced only when no error was found.
public struct FrameworkCompiler: Sendable {
    /// Options that change what is compiled, not how it is checked.
    public struct Options: Sendable {
        /// The strict reader's limits.
        public var limits: YAMLLimits
        /// The release date stamped into the bundle (`YYYY-MM-DD`), if any.
        public var releaseDate: String?
        /// The releases so far. The newest one older than the sources' version is the previous
        /// release: migration rules lead from it, and the bundle's lineage points at it.
        /// When nil, `compile(directory:)` loads `<directory>/releases`.
        public var history: ReleaseHistory?
        /// Read department files on every core (the default). Off, they are read one after the
        /// other: the result is the same, only slower; the benchmark measures both.
        public var readsInParallel: Bool

        /// Department files read by an earlier compilation, reused when unchanged (the language
        /// server keeps one); nil reads every file.
        public var readCache: DepartmentReadCache?

        public init(
            limits: YAMLLimits = .default, releaseDate: String? = nil, history: ReleaseHistory? = nil,
            readsInParallel: Bool = true,
            readCache: DepartmentReadCache? = nil
        ) {
            self.limits = limits
            self.releaseDate = releaseDate
            self.history = history
            self.readsInParallel = readsInParallel
            self.readCache = readCache
        }
    }

    /// What a compilation produced.
    public struct Result: Sendable {
        /// The compiled framework, present only when there were no errors.
        public var framework: Framework?
        /// Every diagnostic, sorted by location.
        public var diagnostics: [Diagnostic]
        /// The release history the sources were checked against.
        public var history: ReleaseHistory = .empty
        /// The files compiled, for quoting source lines in text diagnostics.
        public var sources: FrameworkSources = FrameworkSources(framework: nil, departments: [])
        /// The locale `framework.yaml` names for `CHANGELOG.md` (`changelog_locale`), else its
        /// first locale: a changelog stays in one language from release to release.
        public var changelogLocale: String?

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Compiles a framework folder.
    public func compile(directory: String) -> Result {
        compile(directory: directory, replacingWith: nil)
    }

    /// Compiles a framework folder with one file replaced by `file` (an editor's unsaved buffer,
    /// or stdin): a file with a `department:` key replaces that department's file, or is added;
    /// any other replaces `framework.yaml`. The folder's releases are loaded unless given.
    public func compile(directory: String, replacingWith file: SourceFile?) -> Result {
        var diagnostics = DiagnosticCollector()
        let pending =
            options.history == nil ? BackgroundReleaseHistory(directory: Self.releasesDirectory(of: directory)) : nil
        var sources = FrameworkSources.load(
            directory: directory, maxFileBytes: options.limits.maxFileBytes, into: &diagnostics)
        if let file {
            if let department = Self.departmentKey(in: String(decoding: file.bytes, as: UTF8.self)) {
                sources.departments.removeAll {
                    Self.departmentKey(in: String(decoding: $0.bytes, as: UTF8.self)) == department
                }
                sources.departments.append(file)
            } else {
                sources.framework = file
                diagnostics = DiagnosticCollector(diagnostics.diagnostics.filter { $0.code != .missingFrameworkFile })
            }
        }
        guard let pending else { return compile(sources, diagnostics: diagnostics) }
        return compile(sources, diagnostics: diagnostics) {
            let loaded = pending.wait()
            return (loaded.history, loaded.diagnostics)
        }
    }

    /// The value of a top-level `department:` key, read from the text without parsing.
    static func departmentKey(in text: String) -> String? {
        // YAML's line breaks: "\r\n" is one Character, so splitting on "\n" alone never splits it.
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        where line.hasPrefix("department:") {
            return line.dropFirst("department:".count).trimmingCharacters(
                in: .whitespaces.union(CharacterSet(charactersIn: "\"'\r")))
        }
        return nil
    }

    /// Where a framework folder keeps its releases.
    public static func releasesDirectory(of directory: String) -> String {
        (directory.hasSuffix("/") ? String(directory.dropLast()) : directory) + "/releases"
    }

    /// Compiles sources already in memory. The order of `departments` does not matter.
    public func compile(_ sources: FrameworkSources, diagnostics initial: DiagnosticCollector = DiagnosticCollector())
        -> Result
    {
        compile(sources, diagnostics: initial) { (options.history ?? .empty, []) }
    }

    /// Compiles sources, asking for the release history only once the sources are typed, so
    /// that a history still being verified on another thread overlaps the reading.
    func compile(
        _ sources: FrameworkSources, diagnostics initial: DiagnosticCollector,
        history loadHistory: () -> (history: ReleaseHistory, diagnostics: [Diagnostic])
    ) -> Result {
        var diagnostics = initial
        let reader = YAMLReader(limits: options.limits)
        var decoder = SourceDecoder()
        var frameworkSource: FrameworkSource?
        if let file = sources.framework {
            let read = reader.read(file.bytes, file: file.path)
            diagnostics.emit(contentsOf: read.problems.map(Diagnostic.yaml))
            if let root = read.root {
                frameworkSource = decoder.frameworkSource(root)
            } else if read.problems.isEmpty {
                diagnostics.emit(.emptyFile(file.path))
            }
        }
        let departments = Self.readDepartments(
            sources.departments, reader: reader, decoder: decoder, inParallel: options.readsInParallel,
            cache: options.readCache)
        var departmentSources: [DepartmentSource] = []
        for outcome in departments {
            diagnostics.emit(contentsOf: outcome.problems.map(Diagnostic.yaml))
            if outcome.isEmpty { diagnostics.emit(.emptyFile(outcome.path)) }
            if let department = outcome.department { departmentSources.append(department) }
        }
        diagnostics.emit(contentsOf: decoder.diagnostics.diagnostics)
        for outcome in departments { diagnostics.emit(contentsOf: outcome.diagnostics) }
        let (history, historyDiagnostics) = loadHistory()
        diagnostics.emit(contentsOf: historyDiagnostics)
        guard let frameworkSource else {
            return Result(framework: nil, diagnostics: diagnostics.sorted(), history: history, sources: sources)
        }
        var validator = FrameworkValidator(cache: options.readCache)
        let ordered = validator.validate(frameworkSource, departments: departmentSources)
        diagnostics.emit(contentsOf: validator.diagnostics.diagnostics)
        var lineageBuilder = LineageBuilder()
        let previous = frameworkSource.version.flatMap { history.latest(before: $0.value) }
        let lineage = lineageBuilder.build(
            framework: frameworkSource, departments: ordered, previous: previous, retiredHistory: history.retiredIDs)
        diagnostics.emit(contentsOf: lineageBuilder.diagnostics.diagnostics)
        let (model, map) = model(frameworkSource, ordered: ordered, all: departmentSources)
        diagnostics.emit(
            contentsOf: Self.diagnostics(for: FrameworkInvariants.violations(in: model, translations: false), map: map))
        var framework = diagnostics.hasErrors ? nil : model
        framework?.lineage = lineage
        if let framework, let version = frameworkSource.version {
            diagnostics.emit(
                contentsOf: VersionAdvice.diagnostics(
                    for: framework, history: history, at: SourceLocation(version.range)))
        }
        var result = Result(framework: framework, diagnostics: diagnostics.sorted(), history: history, sources: sources)
        result.changelogLocale = frameworkSource.changelogLocale?.value ?? frameworkSource.locales.first?.value
        return result
    }

    /// One department file, read and typed.
    struct DepartmentOutcome: Sendable {
        var path: String
        var problems: [YAMLProblem] = []
        var isEmpty = false
        var department: DepartmentSource?
        var diagnostics: [Diagnostic] = []
    }

    /// Reads and types the department files, in path order. Once the framework file has given
    /// the locales, department files are independent, so they are read on every core; the
    /// outcomes come back in path order, so results and diagnostics are those of one file after
    /// another.
    static func readDepartments(
        _ files: [SourceFile], reader: YAMLReader, decoder: SourceDecoder, inParallel: Bool,
        cache: DepartmentReadCache? = nil
    ) -> [DepartmentOutcome] {
        let files = files.sorted { $0.path < $1.path }
        var blank = decoder
        blank.diagnostics = DiagnosticCollector()
        let template = blank
        cache?.keep(only: Set(files.map(\.path)))
        let readFresh = { @Sendable (file: SourceFile) -> DepartmentOutcome in
            var decoder = template
            let read = reader.read(file.bytes, file: file.path)
            var outcome = DepartmentOutcome(path: file.path, problems: read.problems)
            if let root = read.root {
                outcome.department = decoder.departmentSource(root, file: file.path)
            } else {
                outcome.isEmpty = read.problems.isEmpty
            }
            outcome.diagnostics = decoder.diagnostics.diagnostics
            // The typed department is what is kept; its tree is freed off this path.
            if cache != nil { DeferredRelease.release(read) }
            return outcome
        }
        let readOne = { @Sendable (file: SourceFile) -> DepartmentOutcome in
            cache.map { $0.outcome(for: file, locales: template.locales) { readFresh(file) } } ?? readFresh(file)
        }
        guard inParallel, files.count > 1 else { return files.map(readOne) }
        var outcomes = files.map { DepartmentOutcome(path: $0.path) }
        outcomes.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes its own slot only.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: files.count) { index in slots[index] = readOne(files[index]) }
        }
        return outcomes
    }
}
