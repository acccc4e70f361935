/// One problem found in an input: the single diagnostic model shared by every stage.
///
/// The compiler, the bundle verifier and the scorer all report through this type, so that
/// every renderer (text, JSON, GitHub, SARIF) prints every kind of problem the same way.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// How serious a diagnostic is. Only errors fail a run, unless `--strict` is given.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: return 0
            case .warning: return 1
            case .note: return 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// A secondary message, optionally at its own location (for example the first of two duplicate keys).
    public struct Note: Sendable, Hashable, Codable {
        public var message: String
        public var location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    /// A stable code, such as `Y102`. Codes never change meaning; see the diagnostics page's table (docs/diagnostics.md).
    public var code: DiagnosticCode
    public var message: String
    /// Where the problem is. Every diagnostic about an input file has one.
    public var location: SourceLocation
    public var notes: [Note]
    /// What to do about it, when that is not obvious from the message.
    public var help: String?
    /// Changes that resolve the problem, when the compiler is sure of them (quick fixes in editors).
    public var fixes: [FixIt] = []

    /// A diagnostic at its code's registered severity.
    public init(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation, notes: [Note] = [], help: String? = nil
    ) {
        self.init(code.severity, code, message, at: location, notes: notes, help: help)
    }

    public init(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation,
        notes: [Note] = [], help: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.notes = notes
        self.help = help
    }

    /// The same diagnostic at another severity; `--strict` uses it to promote warnings.
    public func with(severity: Severity) -> Diagnostic {
        var copy = self
        copy.severity = severity
        return copy
    }
}

/// A file position as diagnostics report it: 1-based line and column (in Unicode scalars).
/// For JSON inputs, `path` adds the JSON path of the offending value. For workbooks, `cell`
/// names the sheet and cell (`Grille!L14`), and line and column are that cell's row and column.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable {
    public var file: String
    public var line: Int
    public var column: Int
    /// The end of the offending span, when known; renderers underline up to it.
    public var endLine: Int?
    public var endColumn: Int?
    /// The JSON path (`$.criteria[3].points`) for problems found in JSON documents.
    public var path: String?
    /// The sheet and cell (`Grille!L14`), for problems found in workbooks.
    public var cell: String?

    public init(
        file: String, line: Int, column: Int, endLine: Int? = nil, endColumn: Int? = nil, path: String? = nil,
        cell: String? = nil
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.path = path
        self.cell = cell
    }

    /// A file as a whole, for problems no line of it holds (a missing file, a signature that
    /// does not verify): line and column are 0, and renderers name the file alone.
    public static func file(_ file: String) -> SourceLocation {
        SourceLocation(file: file, line: 0, column: 0)
    }

    /// Whether the location is a file as a whole rather than a place in it.
    public var isWholeFile: Bool { line == 0 }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
