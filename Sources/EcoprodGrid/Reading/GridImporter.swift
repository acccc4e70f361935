import EcoprodFramework

/// Reads a filled grid back into an answer set for the bundle its hidden sheet names.
///
/// Every problem is a diagnostic at its sheet and cell (`Grille!L14`), collected rather than
/// thrown, so one import lists everything to fix. The workbook is checked within ``GridLimits``
/// before anything is decompressed, its XML is read without DTDs or entities, and the rows'
/// structure (ID, points, mandatory flag) is compared with the bundle, so answers cannot land
/// on the wrong criterion.
public struct GridImporter: Sendable {
    public var limits: GridLimits

    public init(limits: GridLimits = .default) {
        self.limits = limits
    }

    /// Whether `bytes` are a workbook (a zip package, or an encrypted Office compound file)
    /// rather than JSON: commands recognise a grid by its content, never by its name.
    public static func isWorkbook(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06])
            || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    }

    /// The answer set a grid holds, with the bundle it was written from and the cell of each
    /// value. `bundle` finds a release by framework ID and version; it is asked once, as soon as
    /// the identity sheet names one, before the other sheets are read. Nil when refused.
    public func read(
        _ bytes: [UInt8], file: String, bundle: (String, SemanticVersion) -> FrameworkBundle?,
        into diagnostics: inout DiagnosticCollector
    ) -> GridImport? {
        guard bytes.count <= limits.maxFileBytes else {
            diagnostics.emit(
                Diagnostic(
                    .gridLimit, "the workbook is \(bytes.count) bytes, over the limit of \(limits.maxFileBytes)",
                    at: .file(file),
                    help: "raise --max-grid-bytes for a genuine grid this large"))
            return nil
        }
        var reader: SpreadsheetReader
        do {
            reader = try SpreadsheetReader(bytes, limits: limits)
        } catch {
            diagnostics.emit(Self.diagnostic(error, file: file, limits: limits))
            return nil
        }
        var places = GridPlaces(file: file)
        guard let identitySheet = reader.sheet(named: GridLayout.Sheet.identity.names) else {
            diagnostics.emit(
                Diagnostic(
                    .gridIdentity,
                    "the workbook has no '\(GridLayout.Sheet.identity.name(""))' sheet naming its bundle",
                    at: .file(file),
                    help: "import grids written by `ecoprod render --format xlsx`"))
            return nil
        }
        do {
            let identity = try reader.cells(of: identitySheet)
            guard let claim = Self.claim(identity, sheet: identitySheet.name, places: &places, into: &diagnostics)
            else { return nil }
            let named = bundle(claim.id, claim.version)
            var sheets: [(GridLayout.Sheet, String, [CellReference: SpreadsheetReader.CellValue])] = []
            for sheet in [GridLayout.Sheet.production, .grid] {
                guard let entry = reader.sheet(named: sheet.names) else {
                    diagnostics.emit(
                        Diagnostic(
                            .gridMissingPart, "the workbook has no '\(sheet.name(identity.localeText))' sheet",
                            at: .file(file),
                            help:
                                "restore the sheet, or start again from a grid written by `ecoprod render --format xlsx`"
                        ))
                    return nil
                }
                sheets.append((sheet, entry.name, try reader.cells(of: entry)))
            }
            let typed = sheets.map { sheet, name, _ in
                Self.refuseFormulas(
                    in: sheet, named: name, formulas: reader.formulas[name] ?? [], places: places, into: &diagnostics)
            }
            guard typed.allSatisfy({ $0 }) else { return nil }
            guard
                let found = Self.check(
                    named, claim: claim, sheet: identitySheet.name, places: places, into: &diagnostics)
            else { return nil }
            var rows = GridRows(bundle: found, places: places)
            let locale = identity[GridLayout.IdentityRow.locale.value]?.text.trimmingSpaces ?? ""
            rows.locale =
                found.framework.identity.locales.contains(locale)
                ? locale : found.framework.identity.locales.first ?? "en"
            for (sheet, name, cells) in sheets {
                switch sheet {
                case .production: rows.readProduction(cells, sheet: name)
                case .grid: rows.readGrid(cells, sheet: name, into: &diagnostics)
                case .score, .identity: break
                }
            }
            rows.readPreserved(identity, sheet: identitySheet.name, into: &diagnostics)
            return rows.finish(into: &diagnostics)
        } catch {
            diagnostics.emit(Self.diagnostic(error, file: file, limits: limits))
            return nil
        }
    }

    /// What the identity sheet claims: the grid format (checked), and the bundle's framework,
    /// version and digest, with their cells recorded.
    private static func claim(
        _ cells: [CellReference: SpreadsheetReader.CellValue], sheet: String, places: inout GridPlaces,
        into diagnostics: inout DiagnosticCollector
    ) -> (id: String, version: SemanticVersion, versionText: String, digest: String)? {
        func value(_ row: GridLayout.IdentityRow) -> String { cells[row.value]?.text.trimmingSpaces ?? "" }
        let format = value(.format)
        guard format == GridLayout.formatVersion else {
            diagnostics.emit(
                Diagnostic(
                    .gridIdentity,
                    format.isEmpty
                        ? "the identity sheet names no grid format"
                        : "grid format '\(format)' is not \(GridLayout.formatVersion)",
                    at: places.cell(sheet, GridLayout.IdentityRow.format.value),
                    help: "import grids written by `ecoprod render --format xlsx`"))
            return nil
        }
        places.add("$.framework", sheet, GridLayout.IdentityRow.framework.value)
        places.add("$.framework.version", sheet, GridLayout.IdentityRow.version.value)
        places.add("$.framework.digest", sheet, GridLayout.IdentityRow.digest.value)
        guard let version = SemanticVersion(value(.version)) else {
            diagnostics.emit(
                Diagnostic(
                    .gridIdentity, "the identity sheet's version '\(value(.version))' is not a semantic version",
                    at: places.cell(sheet, GridLayout.IdentityRow.version.value),
                    help: "import grids written by `ecoprod render --format xlsx`"))
            return nil
        }
        return (value(.framework), version, value(.version), value(.digest))
    }

    /// The bundle found for a claim, when it is the one claimed (same digest).
    private static func check(
        _ found: FrameworkBundle?, claim: (id: String, version: SemanticVersion, versionText: String, digest: String),
        sheet: String, places: GridPlaces,
        into diagnostics: inout DiagnosticCollector
    ) -> FrameworkBundle? {
        guard let found else {
            diagnostics.emit(
                Diagnostic(
                    .gridIdentity,
                    "the grid was written for \(claim.id) \(claim.versionText), which is not among the releases",
                    at: places.cell(sheet, GridLayout.IdentityRow.version.value),
                    help: "pass --releases with the folder that holds that release"))
            return nil
        }
        guard found.digest == claim.digest else {
            diagnostics.emit(
                Diagnostic(
                    .gridIdentity,
                    "the grid names digest \(claim.digest), but release \(claim.versionText) has \(found.digest)",
                    at: places.cell(sheet, GridLayout.IdentityRow.digest.value),
                    help: "the grid was written from another build of \(claim.versionText); it cannot be read safely"))
            return nil
        }
        return found
    }

    /// The diagnostic for a package or part that could not be read.
    static func diagnostic(_ failure: WorkbookPackage.Failure, file: String, limits: GridLimits) -> Diagnostic {
        let at = SourceLocation.file(file)
        switch failure {
        case .refused(let refusal): return refused(refusal, at: at, limits: limits)
        case .missingPart(let part):
            return Diagnostic(
                .gridMissingPart, "the package has no part \(part)", at: at,
                help: "save the grid again from the spreadsheet application")
        case .unreadablePart(let part, let reason):
            return Diagnostic(
                .gridNotAWorkbook, "the part \(part) cannot be read: \(reason)", at: at,
                help: "the file is damaged; save it again")
        case .xml(let part, let problem):
            return Diagnostic(
                .gridXML, "\(part), line \(problem.line), column \(problem.column): \(problem.message)",
                at: SourceLocation(file: file, line: 1, column: 1, cell: part),
                help: "save the grid again from the spreadsheet application")
        case .invalidReference(let sheet, let reference):
            return Diagnostic(
                .gridAmbiguous, "the sheet has a cell at '\(reference)', which no spreadsheet can hold",
                at: SourceLocation(file: file, line: 1, column: 1, cell: "\(sheet)!\(reference)"),
                help: "applications drop such a cell or read it elsewhere; save the grid again")
        case .duplicateSheet(let name):
            return Diagnostic(
                .gridAmbiguous, "two sheets are named '\(name)': applications disagree on which one is read",
                at: SourceLocation(file: file, line: 1, column: 1, cell: name),
                help: "rename or delete the copy, or start again from a grid written by `ecoprod render --format xlsx`")
        }
    }

    private static func refused(_ refusal: ZIPDirectory.Refusal, at: SourceLocation, limits: GridLimits) -> Diagnostic {
        switch refusal {
        case .notAZip:
            return Diagnostic(
                .gridNotAWorkbook, "the file is not an xlsx workbook (not a zip package)", at: at,
                help: "save it as an Excel workbook (.xlsx)")
        case .truncated(let what):
            return Diagnostic(
                .gridNotAWorkbook, "the zip package is damaged: \(what) is missing or cut short", at: at,
                help: "fetch or save the file again")
        case .zip64:
            return Diagnostic(
                .gridLimit, "the package uses ZIP64, which only archives over 4 GB or 65,535 entries need", at: at,
                help: "a grid is never that large")
        case .compoundFile:
            return Diagnostic(
                .gridEncrypted,
                "the workbook is password-protected (an encrypted Office file) or a legacy .xls: its contents cannot be read",
                at: at,
                help:
                    "remove the password to open, and save as .xlsx: Excel, File › Info › Protect Workbook › Encrypt with Password (empty); LibreOffice, File › Save As without \"Save with password\""
            )
        case .encrypted(let path):
            return Diagnostic(
                .gridEncrypted, "the package entry \(path) is encrypted", at: at,
                help: "remove the password, save the grid again, then import it")
        case .tooManyEntries(let limit):
            return Diagnostic(
                .gridLimit, "the package has more than \(limit) entries", at: at,
                help: "raise --max-entries for a genuine grid")
        case .tooLarge(let path, let limit):
            return Diagnostic(
                .gridLimit, "the package decompresses past \(limit) bytes (at \(path))", at: at,
                help: "raise --max-uncompressed-bytes for a genuine grid")
        case .ratio(let path, let ratio, let limit):
            return Diagnostic(
                .gridLimit, "\(path) would expand \(ratio) times, over the limit of \(limit)", at: at,
                help: "a zip bomb looks like this; raise --max-compression-ratio only for a trusted file")
        case .unsafePath(let path):
            return Diagnostic(
                .gridUnsafePath, "the package entry '\(path)' is named outside the package", at: at,
                help: "spreadsheet applications never write such names; save the grid again")
        case .duplicateEntry(let path):
            return Diagnostic(
                .gridAmbiguous, "the package holds the part \(path) twice: applications disagree on which copy is read",
                at: SourceLocation(file: at.file, line: 1, column: 1, cell: path),
                help: "spreadsheet applications never write a part twice; save the grid again")
        }
    }
}

extension Dictionary where Key == CellReference, Value == SpreadsheetReader.CellValue {
    /// The grid's locale, as the identity sheet records it.
    fileprivate var localeText: String { self[GridLayout.IdentityRow.locale.value]?.text ?? "en" }
}
