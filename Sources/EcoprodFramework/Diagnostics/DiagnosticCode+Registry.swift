/// The registry of diagnostic codes: one entry per code, the single source of the text that
/// `ecoprod explain`, SARIF rule metadata, the language server and the diagnostics page's table (docs/diagnostics.md) show.
extension DiagnosticCode {
    /// What the registry says about one code.
    public struct Entry: Sendable, Hashable {
        /// The severity a diagnostic with this code has unless `--strict` promotes it.
        public var severity: Diagnostic.Severity
        /// A few words, used as SARIF's `shortDescription` and the README table's meaning.
        public var title: String
        /// Why this is a problem, in a few sentences.
        public var explanation: String
        /// An input that gets this code.
        public var example: String
        /// What to do about it.
        public var fix: String

        init(_ severity: Diagnostic.Severity, _ title: String, explanation: String, example: String, fix: String) {
            self.severity = severity
            self.title = title
            self.explanation = explanation
            self.example = example
            self.fix = fix
        }
    }

    /// Where the README documents every code: the table in its "Diagnostics" section, one anchor per code.
    public static let documentation = "docs/diagnostics.md"

    /// The README anchor of this code (`p401`).
    public var anchor: String { rawValue.lowercased() }

    /// A link to this code's row in docs/diagnostics.md, relative to the repository root.
    public var helpURI: String { "\(Self.documentation)#\(anchor)" }

    /// The default severity of this code.
    public var severity: Diagnostic.Severity { entry.severity }

    /// The long explanation `ecoprod explain CODE` prints, as `rustc --explain` does.
    public var explanationText: String {
        let example = entry.example.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(
            separator: "\n")
        return """
            \(rawValue) (\(entry.severity.rawValue)): \(entry.title)

            \(entry.explanation)

            For example:

            \(example)

            Fix: \(entry.fix)

            """
    }

    /// The registry itself. The switch is exhaustive: a new code does not compile without its entry.
    public var entry: Entry {
        switch self {
        case .yamlSyntax:
            Entry(
                .error, "YAML syntax error",
                explanation:
                    "libyaml could not read the file as YAML. The position is where libyaml stopped; a note points at the construct it was reading.",
                example: "title: \"Tri des déchets",
                fix: "Close the quote, replace tab indentation with spaces, or fix the indentation the message names.")
        case .yamlDuplicateKey:
            Entry(
                .error, "Duplicate key",
                explanation:
                    "A mapping names the same key twice. YAML parsers disagree on which value wins, so the strict profile refuses both; the note points at the first.",
                example: "points: 3\npoints: 5", fix: "Keep one of the two keys.")
        case .yamlAnchor:
            Entry(
                .error, "Anchor",
                explanation:
                    "Anchors (`&name`) are refused: they make a value mean something defined elsewhere, and they are the first half of alias bombs.",
                example: "defaults: &base {points: 1}", fix: "Write the value out where it is used.")
        case .yamlAlias:
            Entry(
                .error, "Alias",
                explanation:
                    "Aliases (`*name`) are refused and never expanded, so a \"billion laughs\" file costs nothing to read.",
                example: "points: *base", fix: "Write the value out where it is used.")
        case .yamlTag:
            Entry(
                .error, "Tag other than the core tags",
                explanation:
                    "Only the YAML core tags are accepted; application tags such as `!!python/object` can make other parsers run code.",
                example: "points: !!python/object:os.system 3",
                fix: "Remove the tag; every value is typed by the schema.")
        case .yamlMultipleDocuments:
            Entry(
                .error, "Second document",
                explanation:
                    "A source file holds one YAML document. A `---` followed by more content starts a second one, which would be silently ignored elsewhere.",
                example: "---\nid: A1\n---\nid: A2", fix: "Put each department in its own file.")
        case .yamlComplexKey:
            Entry(
                .error, "Non-scalar mapping key",
                explanation:
                    "Mapping keys must be plain scalars; a sequence or mapping used as a key cannot name a field.",
                example: "? [a, b]\n: 1", fix: "Use a plain key.")
        case .yamlDepthLimit:
            Entry(
                .error, "Nesting deeper than the limit",
                explanation:
                    "Nesting deeper than the limit (`--max-depth`) is refused before it can exhaust the stack.",
                example: "[[[[[[[[ … ]]]]]]]]", fix: "Flatten the structure; a framework file nests only a few levels.")
        case .yamlSizeLimit:
            Entry(
                .error, "File larger than the limit",
                explanation: "A file larger than `--max-file-bytes` is refused from its size, before it is read.",
                example: "a 100 MB department file",
                fix: "Split the file, or raise the limit if the file is legitimate.")
        case .yamlNodeLimit:
            Entry(
                .error, "More nodes than the limit",
                explanation: "A file with more nodes than `--max-nodes` is refused, bounding memory.",
                example: "a generated file with millions of entries", fix: "Split the file, or raise the limit.")
        case .yamlScalarLength:
            Entry(
                .error, "Scalar longer than the limit",
                explanation: "A single value longer than `--max-scalar-bytes` is refused.",
                example: "guidance: \"… 10 MB of text …\"", fix: "Shorten the value; guidance is read by people.")
        case .yamlInvalidUTF8:
            Entry(
                .error, "Invalid UTF-8",
                explanation: "Sources are UTF-8. The position is the first byte that is not valid UTF-8.",
                example: "a file saved as Latin-1 with \"é\" as byte 0xE9", fix: "Save the file as UTF-8.")
        case .yamlTooManyProblems:
            Entry(
                .note, "More problems not listed",
                explanation: "After many problems in one file, the rest are counted rather than listed.",
                example: "a binary file read as YAML", fix: "Fix the problems listed, then check again.")
        case .yamlCommentWithoutSpace:
            Entry(
                .error, "Comment without white space before '#'",
                explanation:
                    "In YAML 1.2 a comment starts at a '#' that follows white space. Glued to a closing quote or a block scalar indicator, the '#' is not a comment, and other parsers refuse the file; libyaml reads it anyway, so the strict profile refuses it here.",
                example: "title: \"Feuille de route\"# v2",
                fix: "Put a space before the '#': `\"Feuille de route\" # v2`.")
        case .yamlFlowIndentation:
            Entry(
                .error, "Continuation line indented too little",
                explanation:
                    "A flow collection ([ ] or { }) or a quoted scalar that spans lines inside a block collection continues on lines indented, with spaces, more than that collection. A tab is not indentation. libyaml reads such lines anyway; other parsers refuse them.",
                example: "  - stages: [preparation,\n shoot]",
                fix:
                    "Indent the continuation past the key, or keep the list on one line: `stages: [preparation, shoot]`."
            )
        case .yamlDashInFlow:
            Entry(
                .error, "'-' entry inside a flow collection",
                explanation:
                    "'- item' is the block form of a list entry. Inside [ ] or { } entries are separated by commas; a lone '-' there is not a value in YAML 1.2.",
                example: "stages: [- shoot]", fix: "Write `stages: [shoot]`, or a block list on the following lines.")
        case .yamlDirective:
            Entry(
                .error, "Directive the strict profile refuses",
                explanation:
                    "Framework files are read as YAML 1.2 with no tags. A `%YAML 1.1` directive asks for YAML 1.1's rules (yes/no booleans, 010 as octal), which this reader does not apply, and a `%TAG` directive declares tag shorthands that no framework file may use. libyaml accepts both.",
                example: "%YAML 1.1\n---\ndepartment: A",
                fix: "Remove the directive (and its `---` line): every framework file is YAML 1.2.")
        case .yamlBlockScalarIndentation:
            Entry(
                .error, "Block scalar's leading empty line indented past its text",
                explanation:
                    "A block scalar (`|` or `>`) takes its indentation from its first line of text. YAML 1.2 forbids an empty line before that line to hold more spaces than it. libyaml then reads the scalar as empty and stops at the text with \"did not find expected key\", which points away from the mistake: the trailing spaces on the empty line.",
                example: "guidance:\n  fr: |\n        \n    Le texte",
                fix: "Remove the spaces from the empty line, or remove the empty line.")
        case .unknownKey:
            Entry(
                .error, "Unknown key",
                explanation:
                    "The key is not part of the schema at this place. A \"did you mean\" note names the closest allowed key.",
                example: "mandtory: true", fix: "Correct the spelling, or remove the key.")
        case .missingKey:
            Entry(
                .error, "Missing required key",
                explanation: "A required key is absent from this mapping.",
                example: "- id: A1\n  title: {fr: …, en: …}   # no points",
                fix: "Add the key; Schemas/framework.schema.json lists the required keys.")
        case .wrongType:
            Entry(
                .error, "Wrong type",
                explanation:
                    "The value does not have the type the schema expects. Scalars stay text until typed, so `yes` is not a boolean and `0x10` is not an integer.",
                example: "points: three",
                fix: "Write a value of the expected type: decimal integers, `true`/`false`, text, lists or mappings.")
        case .invalidValue:
            Entry(
                .error, "Value not among the allowed words",
                explanation: "The value must be one of a fixed set of words.",
                example: "comparison: atleast", fix: "Use one of the words the message lists, e.g. `at-least`.")
        case .emptyFile:
            Entry(
                .error, "Empty file",
                explanation: "The file holds no YAML document.",
                example: "an empty department file", fix: "Fill it in or delete it.")
        case .idPattern:
            Entry(
                .error, "Criterion ID does not match the pattern",
                explanation: "Every criterion ID matches the framework's `criterion_id_pattern`.",
                example: "id: a-1   # pattern ^[A-J][0-9]+$", fix: "Rename the criterion to match the pattern.")
        case .duplicateID:
            Entry(
                .error, "Duplicate ID",
                explanation:
                    "An ID (criterion, department, production type, stage or scheme) is declared twice; the note points at the first.",
                example: "id: A1 in two department files", fix: "Give one of them another ID.")
        case .invalidIDPattern:
            Entry(
                .error, "ID pattern is not a valid regular expression",
                explanation: "`criterion_id_pattern` must compile as a regular expression.",
                example: "criterion_id_pattern: \"^[A-J\"", fix: "Fix the regular expression.")
        case .invalidPoints:
            Entry(
                .error, "Points out of range",
                explanation:
                    "Points are a decimal integer from 1 to 1,000,000. The bound keeps exact scoring within 64-bit integers.",
                example: "points: -3", fix: "Write a positive decimal integer, e.g. `points: 3`.")
        case .invalidMandatory:
            Entry(
                .error, "Mandatory flag is not a boolean",
                explanation:
                    "`mandatory` is `true` or `false`; `yes`, `no` and `on` are not booleans in the strict profile.",
                example: "mandatory: yes", fix: "Write `mandatory: true`.")
        case .unknownDepartment:
            Entry(
                .error, "Undeclared department",
                explanation: "The department named is not declared in framework.yaml.",
                example: "department: K", fix: "Declare it under `departments:` or fix the ID.")
        case .emptyDepartment:
            Entry(
                .error, "Department without criteria",
                explanation: "A declared department has no criteria file, or its file has no criteria.",
                example: "departments: [{id: J, …}] with no J file", fix: "Add its criteria or remove the department.")
        case .unknownProductionType:
            Entry(
                .error, "Undeclared production type",
                explanation: "A criterion applies to a production type framework.yaml does not declare.",
                example: "applies_to: [animation]", fix: "Declare the type or fix its ID.")
        case .unknownStage:
            Entry(
                .error, "Undeclared stage",
                explanation: "A criterion names a stage framework.yaml does not declare.",
                example: "stages: [preprod]", fix: "Use a declared stage, e.g. `preparation`.")
        case .departmentFileTwice:
            Entry(
                .error, "Second file for one department",
                explanation: "Two files claim the same department; the note points at the first.",
                example: "two files with `department: A`", fix: "Keep one file per department.")
        case .missingTranslation:
            Entry(
                .error, "Missing translation",
                explanation: "A human text lacks one of the framework's declared locales.",
                example: "title: {fr: Feuille de route}   # locales [fr, en]", fix: "Add the missing locale's text.")
        case .undeclaredLocale:
            Entry(
                .error, "Text in an undeclared locale",
                explanation: "A text is given in a locale the framework does not declare.",
                example: "title: {fr: …, en: …, de: …}", fix: "Declare the locale under `locales:` or remove the text.")
        case .invalidLocaleTag:
            Entry(
                .error, "Locale is not a BCP 47 language tag",
                explanation:
                    "Locale codes become attribute values and class names in reports and column names in spreadsheets, so they must be well-formed BCP 47 language tags: a 2–3 letter language, then subtags of letters and digits.",
                example: "locales: [fr, \"en us\"]", fix: "Write a language tag such as `fr`, `en` or `pt-BR`.")
        case .thresholdRange:
            Entry(
                .error, "Threshold or star level out of range",
                explanation: "Thresholds are above 0% and at most 100%, in basis points (6500 is 65%).",
                example: "basis_points: 0", fix: "Write a threshold from 1 to 10000.")
        case .missingComparison:
            Entry(
                .error, "Threshold without a comparison",
                explanation:
                    "The label states its threshold both as \"over 65%\" and \"at least 65%\", so every threshold says which comparison it means.",
                example: "threshold: {basis_points: 6500}",
                fix: "Add `comparison: at-least` or `comparison: more-than`.")
        case .starLevelOrder:
            Entry(
                .error, "Star levels out of order",
                explanation:
                    "Star levels award 1, 2, 3… stars in order, each from a higher percentage than the one before, never above 100%.",
                example: "levels: [{stars: 1, basis_points: 7500}, {stars: 2, basis_points: 6500}]",
                fix: "Order the levels by stars and make their percentages rise.")
        case .starLevelBelowThreshold:
            Entry(
                .error, "Star level below the threshold",
                explanation:
                    "A star level below the scheme's threshold could never be awarded, since stars need eligibility.",
                example: "threshold 65%, 1 star from 60%", fix: "Raise the level to the threshold or above.")
        case .unreachableThreshold:
            Entry(
                .error, "Threshold unreachable",
                explanation:
                    "For some production type, even meeting every applicable criterion cannot reach the threshold.",
                example: "a scheme at ≥ 100% where a type has criteria it cannot meet",
                fix: "Lower the threshold or make more criteria apply to that type.")
        case .noSchemes:
            Entry(
                .error, "No schemes",
                explanation: "A framework needs at least one certification scheme to score against.",
                example: "schemes: []", fix: "Declare a scheme with its threshold and levels.")
        case .invalidVersion:
            Entry(
                .error, "Version is not semver",
                explanation: "The framework version is a semantic version, MAJOR.MINOR.PATCH.",
                example: "version: 1.1", fix: "Write `version: 1.1.0`.")
        case .versionAlreadyReleased:
            Entry(
                .error, "Version already released",
                explanation: "A released version is frozen; releasing it again with other content is refused.",
                example: "version: 1.1.0 when releases/ holds 1.1.0", fix: "Raise the version.")
        case .versionNotIncreasing:
            Entry(
                .error, "Version not above the latest release",
                explanation: "A new release must be newer than every release so far.",
                example: "version: 1.0.5 after 1.1.0", fix: "Raise the version above the latest release.")
        case .versionUnderstated:
            Entry(
                .error, "Version understates the change",
                explanation:
                    "The diff against the latest release requires a larger bump than the version gives: scoring changes are major, additions minor, text edits patch.",
                example: "a points change released as 1.1.1", fix: "Raise the version to the one the message states.")
        case .criterionDisappeared:
            Entry(
                .error, "Criterion gone without a migration rule",
                explanation:
                    "A criterion of the previous release is neither present nor accounted for by a rule, so answers to it would be lost. Notes suggest likely renames.",
                example: "A5 of 1.1.0 missing in 2.0.0",
                fix: "Add `replaces: [A5]` to its successor, or list it under `retired:` with a reason.")
        case .staleReplaces:
            Entry(
                .warning, "Stale `replaces` entry",
                explanation: "The rule names an ID that is not in the previous release; it is ignored.",
                example: "replaces: [A9] where 1.1.0 has no A9",
                fix: "Remove the rule; an earlier release already applied it.")
        case .mergeWithoutCombine:
            Entry(
                .error, "Merge without `combine`",
                explanation: "A criterion replacing several says how their statuses combine.",
                example: "replaces: [A1, A2]", fix: "Add `combine: all-met` or `combine: any-met`.")
        case .combineWithoutMerge:
            Entry(
                .error, "`combine` without a merge",
                explanation: "`combine` only means something when a criterion replaces several.",
                example: "replaces: [A1]\ncombine: all-met", fix: "Remove `combine`.")
        case .conflictingRules:
            Entry(
                .error, "Conflicting migration rules",
                explanation: "Two rules claim the same previous criterion in incompatible ways.",
                example: "A1 both retired and replaced", fix: "Keep one rule per previous criterion.")
        case .retiredIDReused:
            Entry(
                .error, "Retired ID reused",
                explanation:
                    "An ID retired in any release can never name a new criterion, or old answers would be read as answers to it.",
                example: "id: A7 after A7 was retired", fix: "Give the new criterion a fresh ID.")
        case .staleRetired:
            Entry(
                .warning, "Stale `retired` entry",
                explanation: "The retired ID is not in the previous release; the entry is ignored.",
                example: "retired: [{id: A9, …}] where 1.1.0 has no A9", fix: "Remove the entry.")
        case .diffWithoutReleasePath:
            Entry(
                .warning, "Diff without the releases in between",
                explanation:
                    "The two versions are not adjacent, and the releases between them were not found beside the inputs, so their migration rules are unknown: a criterion renamed, split, merged or retired on the way shows as removed, and its successor as added.",
                example:
                    "ecoprod diff old/ecoprod-label-1.0.0.json Framework, with 1.1.0 missing from Framework/releases",
                fix: "Keep every release in the same folder (Framework/releases), or diff adjacent versions.")
        case .bundleSyntax:
            Entry(
                .error, "Bundle is not valid JSON",
                explanation: "The file could not be parsed as JSON.",
                example: "a truncated bundle", fix: "Restore the bundle, or rebuild it with `ecoprod build`.")
        case .bundleDigestMissing:
            Entry(
                .error, "Digest missing or malformed",
                explanation: "A bundle has a `digest` of the form \"sha256:\" and 64 lowercase hex digits.",
                example: "\"digest\": \"md5:…\"", fix: "Rebuild the bundle.")
        case .bundleFormat:
            Entry(
                .error, "Unknown bundle format",
                explanation: "The `format` member names a format this verifier does not read.",
                example: "\"format\": \"ecoprod-bundle/9\"",
                fix: "Use a verifier that reads that format, or rebuild the bundle.")
        case .bundleStructure:
            Entry(
                .error, "Wrong bundle structure",
                explanation: "A member is missing or has the wrong type; the JSON path names it.",
                example: "\"points\": \"3\"", fix: "Rebuild the bundle; see Schemas/bundle.schema.json.")
        case .bundleDigestMismatch:
            Entry(
                .error, "Digest does not match the content",
                explanation:
                    "SHA-256 over the RFC 8785 form of the bundle without `digest` differs from the recorded digest: the bundle was changed after it was frozen.",
                example: "a hand-edited points value", fix: "Restore the bundle from version control.")
        case .bundleUnknownMember:
            Entry(
                .error, "Unknown bundle member",
                explanation: "The bundle holds a member its format does not define.",
                example: "\"extra\": true", fix: "Remove it; a bundle holds exactly its format's members.")
        case .bundleLayout:
            Entry(
                .error, "Non-canonical layout",
                explanation:
                    "Bundles are byte-for-byte reproducible; these bytes differ from the canonical layout from the line named on.",
                example: "re-indented JSON", fix: "Restore the bundle or rebuild it.")
        case .bundleIntegrity:
            Entry(
                .error, "Bundle contradicts itself",
                explanation:
                    "The content breaks an invariant of the model (a duplicate ID, an undeclared reference, points or percentages out of range, a missing locale).",
                example: "a criterion naming department K, which is not declared",
                fix: "Rebuild the bundle from sources that pass `ecoprod check`.")
        case .bundleLineage:
            Entry(
                .error, "Broken lineage",
                explanation: "`lineage.previous` does not name the previous release and its digest.",
                example: "an earlier release edited after this one was made", fix: "Restore the earlier release.")
        case .signatureMissing:
            Entry(
                .error, "Bundle not signed",
                explanation:
                    "An allowed-signers file applies, so every bundle must come with `BUNDLE.sig`, an SSH signature (SSHSIG) by one of the signers it names. A digest proves a bundle is intact, not who made it: anyone can edit a bundle and recompute its digest.",
                example: "releases/ecoprod-label-1.2.0.json without releases/ecoprod-label-1.2.0.json.sig",
                fix:
                    "Sign the release with `ecoprod sign BUNDLE --sign KEY`, or obtain the signature the label published with it."
            )
        case .signatureInvalid:
            Entry(
                .error, "Signature does not match the bundle",
                explanation:
                    "The signature is well formed, but it was not made by its key over these exact bytes: the bundle was changed after signing, or the signature belongs to another file.",
                example: "a criterion's points edited and the digest recomputed",
                fix: "Restore the bundle the label published; never edit a released bundle.")
        case .signerUnknown:
            Entry(
                .error, "Signer not allowed",
                explanation:
                    "The key that made the signature is not in the allowed-signers file: whoever made it, it is not one of the people the label lets publish.",
                example: "a bundle signed with a personal key",
                fix:
                    "Have a listed signer sign it, or, if the signer is legitimate, add their key to `allowed_signers` through review."
            )
        case .signerOutsideValidity:
            Entry(
                .error, "Signer outside its validity dates",
                explanation:
                    "The signer is listed, but its `valid-after`/`valid-before` dates do not cover the release date: the key was retired (or not yet trusted) when this release was made.",
                example: "a key with valid-before=\"20260101Z\" signing a release dated 2026-11-29",
                fix: "Sign with the key that was current at the release date.")
        case .signatureNamespace:
            Entry(
                .error, "Signature for another purpose",
                explanation:
                    "An SSH signature names its purpose (namespace): `ecoprod-bundle` for releases, `ecoprod-statement` for score statements. A signature made for another purpose (a git commit, a file) is not a release signature, and a signer listed with `namespaces=` may sign only for those.",
                example: "ssh-keygen -Y sign -n file", fix: "Sign with `-n ecoprod-bundle` (`ecoprod sign` does).")
        case .signerNotInLineage:
            Entry(
                .error, "Signer differs from the lineage",
                explanation:
                    "A release records its signer's key fingerprint in `lineage.signer`, inside the digest. The signature must be that key's, and once one release records a signer, every later one must.",
                example: "a release made by one maintainer and re-signed by another",
                fix: "Sign with the key the release names, or make the release again.")
        case .signatureMalformed:
            Entry(
                .error, "Malformed signature file",
                explanation:
                    "The `.sig` file is not an armored SSH signature (SSHSIG version 1): it is truncated, not base64, or its fields do not fit.",
                example: "a .sig cut short in transfer",
                fix: "Fetch the signature again, or sign again with `ecoprod sign`.")
        case .allowedSignersMalformed:
            Entry(
                .error, "Malformed allowed-signers line",
                explanation:
                    "A line of the allowed-signers file does not read as `principals [options] keytype base64-key`, or uses an option this tool does not accept.",
                example: "maintainer namespaces=\"ecoprod-bundle\" ssh-ed25519 AAAA…(cut)",
                fix: "Correct the line; `ssh-keygen -Y verify` reads the same format.")
        case .statementMismatch:
            Entry(
                .error, "Statement does not match its answers",
                explanation:
                    "A score statement names its answer set by the SHA-256 of its canonical JSON, its bundle by digest, and states every figure. Here the answers are not the ones stated, the bundle is not among the releases, or scoring the answers again against that bundle gives other figures.",
                example: "an answer changed from not-met to met after the statement was signed",
                fix: "Score the answers again and sign a new statement; a statement is never edited.")
        case .statementMalformed:
            Entry(
                .error, "Malformed statement",
                explanation:
                    "The statement is not an in-toto Statement v1 with one subject and the ecoprod score predicate (`Schemas/score-statement.schema.json`).",
                example: "a statement whose predicateType is another tool's",
                fix: "Make statements with `ecoprod score --statement FILE --sign KEY`.")
        case .answersSyntax:
            Entry(
                .error, "Answer set is not valid JSON",
                explanation: "The answer set could not be parsed as JSON.",
                example: "a trailing comma", fix: "Fix the JSON at the position given.")
        case .answersStructure:
            Entry(
                .error, "Wrong answer-set structure",
                explanation: "A member is missing or has the wrong type; the JSON path names it.",
                example: "\"evidence\": \"invoice.pdf\"", fix: "See Schemas/answers.schema.json; evidence is a list.")
        case .gridNotAWorkbook:
            Entry(
                .error, "Not an xlsx workbook",
                explanation:
                    "A grid is an Office Open XML workbook: a zip package. This file is not a zip, or its package is damaged (cut short, or its central directory does not add up).",
                example: "a CSV export renamed grid.xlsx",
                fix: "Open the file in Excel or LibreOffice Calc and save it as an Excel 2007-365 workbook (.xlsx).")
        case .gridEncrypted:
            Entry(
                .error, "Password-protected workbook",
                explanation:
                    "The workbook is encrypted (a password to open it), or it is a legacy compound file. Its contents cannot be read without the password, and no password is ever asked for.",
                example: "a grid saved with \"Encrypt with password\"",
                fix:
                    "Remove the password (Excel: File › Info › Protect Workbook; LibreOffice: File › Properties › Security, or save without \"Save with password\"), then import again."
            )
        case .gridLimit:
            Entry(
                .error, "Workbook over a limit",
                explanation:
                    "Before decompressing anything, the package is checked against limits: file size, entry count, total uncompressed size and compression ratio. A zip bomb exceeds them by orders of magnitude; a real grid stays far below.",
                example: "a 40 KB file that unzips to 4 GB",
                fix:
                    "Check where the file came from. For a genuine large grid, raise the limit named in the message (`--max-uncompressed-bytes`, `--max-entries`, `--max-compression-ratio`, `--max-grid-bytes`)."
            )
        case .gridUnsafePath:
            Entry(
                .error, "Unsafe entry name in the package",
                explanation:
                    "An entry of the zip package is named with `..`, an absolute path, a drive letter or a backslash. Nothing is ever extracted to disk, but such a name never comes from a spreadsheet application, so the file is refused.",
                example: "an entry named ../../.bashrc", fix: "Save the grid again from the spreadsheet application.")
        case .gridXML:
            Entry(
                .error, "Refused or malformed XML in a part",
                explanation:
                    "A part of the workbook is not well-formed XML, nests deeper than `--max-xml-depth`, or declares a document type. DOCTYPE and entities other than XML's five are refused, never resolved: a workbook never needs them, and they are how entity-expansion and external-entity attacks work.",
                example: "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
                fix: "Save the grid again from the spreadsheet application.")
        case .gridMissingPart:
            Entry(
                .error, "Missing part or sheet",
                explanation:
                    "The package lacks a part a workbook needs (its relationships, the workbook, a sheet), or the workbook lacks one of the grid's sheets.",
                example: "a workbook whose Grille sheet was deleted",
                fix: "Start again from a grid written by `ecoprod render --format xlsx`, or restore the sheet.")
        case .gridIdentity:
            Entry(
                .error, "Missing or foreign bundle identity",
                explanation:
                    "The hidden `ecoprod` sheet names the grid format and the bundle (framework, version, digest) the grid was written from. It is missing, names another grid format, or names a bundle that is not among the releases.",
                example: "a spreadsheet that was never written by ecoprod",
                fix:
                    "Import grids written by `ecoprod render --format xlsx`; pass `--releases` with the folder that holds the grid's bundle."
            )
        case .gridStructure:
            Entry(
                .error, "Grid structure altered",
                explanation:
                    "A criterion's row no longer matches the bundle: its ID, points or mandatory flag was changed, or a criterion's row is missing or given twice. The structure is compared with the bundle so that answers cannot land on the wrong criterion.",
                example: "the points of A1 changed from 5 to 40",
                fix: "Undo the change: the structure cells are locked for that reason.")
        case .gridStatus:
            Entry(
                .error, "Unknown status word",
                explanation:
                    "A status cell holds a word that is none of the statuses, in French or in English (Rempli, Non rempli, Non applicable; Met, Not met, Not applicable; or met, not-met, not-applicable). An empty cell means unanswered.",
                example: "Fait", fix: "Pick a status from the cell's drop-down list.")
        case .gridPreserved:
            Entry(
                .error, "Preserved answers unreadable",
                explanation:
                    "The hidden `ecoprod` sheet keeps, as JSON, the members of the answer set that no cell shows. That JSON was altered and no longer reads, so importing would lose them.",
                example: "a preserved cell edited by hand",
                fix: "Restore the hidden sheet from the grid as it was written, or import the original answer set.")
        case .gridPreservedDropped:
            Entry(
                .warning, "Kept members dropped with a cleared status",
                explanation:
                    "An answer can carry members that no cell shows (from another tool, or a later format); the grid keeps them on its hidden sheet. When a row's status is cleared, the criterion is unanswered, and an unanswered criterion has no answer to carry them: the import drops them, and says which.",
                example: "A3 answered with a `reviewed_by` member, then its status cleared",
                fix: "Pick a status again to keep them, or accept that they go with the answer.")
        case .gridAmbiguous:
            Entry(
                .error, "Workbook that applications read differently",
                explanation:
                    "The package holds a part twice, two sheets share a name, or a cell's reference is not one a spreadsheet can hold (past column XFD or row 1,048,576). Applications settle such a file each their own way: one reads the first copy, another the last, another drops the cell. What the auditor sees could then differ from what is scored, so the grid is refused, naming the part, sheet or cell.",
                example: "a status cell written r=\"XFE7\", or xl/worksheets/sheet2.xml present twice in the zip",
                fix:
                    "Open the grid in a spreadsheet application and save it again, or start from a grid written by `ecoprod render --format xlsx`."
            )
        case .gridFormula:
            Entry(
                .error, "Formula in a cell the production fills in",
                explanation:
                    "A status, evidence, note, justification or ID cell, or the Production sheet's title, type or scheme, holds a formula. Its stored value may disagree with what the formula computes when the grid is opened (the grid asks for a full recalculation), and a formula saved without a value reads as empty: either way the cell could show one answer and be scored as another.",
                example: "a status cell holding =\"Non rempli\" with the stored value Rempli",
                fix: "Type the value itself into the cell (copy, then paste values only).")
        case .answersStatus:
            Entry(
                .error, "Unknown status",
                explanation: "Statuses are `met`, `not-met` and `not-applicable`.",
                example: "\"status\": \"done\"", fix: "Use one of the three statuses.")
        case .answersUnknownCriterion:
            Entry(
                .error, "Answer to an unknown criterion",
                explanation: "The bundle has no criterion with this ID.",
                example: "\"Z9\": {\"status\": \"met\"}",
                fix: "Fix the ID, or migrate answers written for another version.")
        case .answersUnknownType:
            Entry(
                .error, "Undeclared production type",
                explanation: "The production's type is not declared by the framework.",
                example: "\"type\": \"animation\"", fix: "Use one of the framework's production types.")
        case .answersUnknownScheme:
            Entry(
                .error, "Undeclared scheme",
                explanation: "The production's scheme is not declared by the framework.",
                example: "\"scheme\": \"gold\"", fix: "Use one of the framework's schemes.")
        case .answersVersionMismatch:
            Entry(
                .error, "Answers written for another version",
                explanation: "The answers name another framework version or digest than the bundle scored against.",
                example: "answers for 1.0.0 scored against 1.1.0",
                fix: "Run `ecoprod migrate ANSWERS --to VERSION` first.")
        case .answersNotApplicableRefused:
            Entry(
                .error, "Not-applicable answer refused",
                explanation:
                    "The policy does not allow this criterion to be answered not-applicable (for example a mandatory one).",
                example: "\"A1\": {\"status\": \"not-applicable\"}", fix: "Answer it met or not-met.")
        case .answersBundleNotFound:
            Entry(
                .error, "No bundle for the answers' version",
                explanation: "None of the releases is the version the answers were written for.",
                example: "answers for 0.9.0", fix: "Pass `--bundle` or `--releases` with that version.")
        case .migrationRefused:
            Entry(
                .error, "Migration refused",
                explanation: "Migration cannot go where it was asked, for example backwards.",
                example: "--to 1.0.0 for answers of 1.1.0", fix: "Migrate forwards only, to a released version.")
        case .lineTooLong:
            Entry(
                .error, "JSONL line longer than the limit",
                explanation:
                    "A line of a JSONL stream is longer than the stated limit (64 MiB). Its bytes are dropped as they arrive, so a stream without line breaks cannot exhaust memory; the line gets an error record and the stream goes on.",
                example: "a 1 GB answer set on one line", fix: "Split the stream into one answer set per line.")
        case .lineMemberReserved:
            Entry(
                .error, "Top-level `line` member in a JSONL result",
                explanation:
                    "JSONL records carry the input line as their top-level `line` member. A result that already has a member of that name (an unknown member kept from the input) would lose it, so the line gets an error record instead.",
                example: "{\"framework\": …, \"line\": \"B-roll\", …}",
                fix: "Rename the member, or process the answer set without --jsonl.")
        case .fileUnreadable:
            Entry(
                .error, "Unreadable file",
                explanation: "The file or folder could not be read, or is not a regular file.",
                example: "a folder given where a file was expected", fix: "Check the path and its permissions.")
        case .missingFrameworkFile:
            Entry(
                .error, "No framework.yaml",
                explanation: "A framework folder holds framework.yaml.",
                example: "ecoprod check docs/", fix: "Point the command at the folder that holds framework.yaml.")
        case .pathOutsideFramework:
            Entry(
                .error, "Link leading outside the folder",
                explanation: "A symbolic link inside the framework folder leads outside it; it is not followed.",
                example: "departments/A.yaml -> /etc/passwd", fix: "Copy the file into the folder.")
        case .fileNameNotUTF8:
            Entry(
                .error, "File name is not valid UTF-8",
                explanation:
                    "A source file's name holds bytes that are not UTF-8 (a name written on another system, in Latin-1 for example). It cannot be named in diagnostics or opened through the name the folder listing gives.",
                example: "departments/B-\\xE9ditorial.yaml", fix: "Rename the file with a UTF-8 name.")
        case .writeRefused:
            Entry(
                .error, "Write refused",
                explanation: "The output exists with different content, or is a frozen release; nothing was written.",
                example: "ecoprod build over a changed bundle",
                fix: "Pass `--force` where allowed, or choose another output.")
        case .writeFailed:
            Entry(
                .error, "Write failed",
                explanation: "Writing the output failed (disk full, read-only); nothing partial was left.",
                example: "a full disk", fix: "Free space or choose another output.")
        case .releaseLocked:
            Entry(
                .error, "Release locked",
                explanation: "Another release holds the lock on the releases folder.",
                example: "two `ecoprod release` at once", fix: "Wait for the other release to finish.")
        case .findingsMalformed, .findingsForAnotherPlan, .findingsCoverage, .planMalformed, .planForAnotherStatement,
            .sampleDiffers, .certificateDenied, .certificateMalformed, .certificateDiffers, .claimRefuted,
            .noAuditPolicy, .certificateInputsDiffer, .registerMalformed, .checkpointNotSigned, .tileDiffers,
            .rootDiffers, .registerInconsistent, .eventOutOfOrder, .proofInvalid, .entryMalformed,
            .registerKeyMalformed, .registerFileMissing, .criterionAlwaysMet, .criterionNegativelyCorrelated,
            .criterionOftenNotApplicable, .mandatoryOftenBlocks, .answersOutsideHistory, .noAnswerFiles:
            loopEntry
        }
    }
}
