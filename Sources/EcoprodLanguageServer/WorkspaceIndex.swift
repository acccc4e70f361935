import EcoprodCompiler
import EcoprodFramework
import Foundation
import StrictYAML

/// Where each name of the framework is declared and used, read from the YAML trees of the files
/// as the editor sees them: what hover, go to definition and find references answer from.
struct WorkspaceIndex {
    /// What a name names.
    enum Kind: String {
        case productionType = "production type"
        case stage
        case department
        case criterion
    }

    /// One occurrence of a name: its kind and ID, where, and whether it declares it.
    struct Occurrence {
        var kind: Kind
        var id: String
        var range: SourceRange
        var isDeclaration: Bool
        /// For a criterion ID in `replaces:` or `retired:`: it names a criterion of the last release.
        var isReleasedReference = false
    }

    private(set) var occurrences: [Occurrence] = []
    /// The declared titles of types, stages and departments, by kind and ID.
    private(set) var titles: [String: [(locale: String, text: String)]] = [:]

    init(sources: FrameworkSources) {
        let reader = YAMLReader()
        if let file = sources.framework, let root = reader.read(file.bytes, file: file.path).root {
            indexFramework(root)
        }
        for file in sources.departments {
            if let root = reader.read(file.bytes, file: file.path).root { indexDepartment(root) }
        }
    }

    static func key(_ kind: Kind, _ id: String) -> String { "\(kind.rawValue):\(id)" }

    /// The occurrence whose range holds `position` in `file`.
    func occurrence(in file: String, at position: SourcePosition) -> Occurrence? {
        occurrences.first { $0.range.file == file && $0.range.start <= position && position < $0.range.end }
    }

    func declaration(of kind: Kind, _ id: String) -> Occurrence? {
        occurrences.first { $0.kind == kind && $0.id == id && $0.isDeclaration }
    }

    func references(to kind: Kind, _ id: String) -> [Occurrence] {
        occurrences.filter { $0.kind == kind && $0.id == id }
    }

    func title(of kind: Kind, _ id: String) -> [(locale: String, text: String)] {
        titles[Self.key(kind, id)] ?? []
    }

    // MARK: Reading the trees

    private static func value(_ entries: [YAMLMappingEntry], _ key: String) -> YAMLNode? {
        entries.first { $0.key.scalar?.value == key }?.value
    }

    private mutating func indexFramework(_ root: YAMLNode) {
        guard let entries = root.mappingEntries else { return }
        for (key, kind) in [
            ("production_types", Kind.productionType), ("stages", .stage), ("departments", .department),
        ] {
            for item in Self.value(entries, key)?.sequenceItems ?? [] {
                guard let fields = item.mappingEntries, let id = Self.value(fields, "id"), let name = id.scalar?.value
                else { continue }
                occurrences.append(Occurrence(kind: kind, id: name, range: id.range, isDeclaration: true))
                let title = (Self.value(fields, "title")?.mappingEntries ?? []).compactMap { entry in
                    entry.key.scalar.flatMap { key in entry.value.scalar.map { (key.value, $0.value) } }
                }
                titles[Self.key(kind, name)] = title
            }
        }
        for item in Self.value(entries, "retired")?.sequenceItems ?? [] {
            if let id = item.mappingEntries.flatMap({ Self.value($0, "id") }), let name = id.scalar?.value {
                occurrences.append(
                    Occurrence(
                        kind: .criterion, id: name, range: id.range, isDeclaration: false, isReleasedReference: true))
            }
        }
    }

    private mutating func indexDepartment(_ root: YAMLNode) {
        guard let entries = root.mappingEntries else { return }
        if let department = Self.value(entries, "department"), let name = department.scalar?.value {
            occurrences.append(Occurrence(kind: .department, id: name, range: department.range, isDeclaration: false))
        }
        for criterion in Self.value(entries, "criteria")?.sequenceItems ?? [] {
            guard let fields = criterion.mappingEntries else { continue }
            if let id = Self.value(fields, "id"), let name = id.scalar?.value {
                occurrences.append(Occurrence(kind: .criterion, id: name, range: id.range, isDeclaration: true))
            }
            for (key, kind) in [("stages", Kind.stage), ("applies_to", .productionType)] {
                for item in Self.value(fields, key)?.sequenceItems ?? [] {
                    if let name = item.scalar?.value {
                        occurrences.append(Occurrence(kind: kind, id: name, range: item.range, isDeclaration: false))
                    }
                }
            }
            for item in Self.value(fields, "replaces")?.sequenceItems ?? [] {
                if let name = item.scalar?.value {
                    occurrences.append(
                        Occurrence(
                            kind: .criterion, id: name, range: item.range, isDeclaration: false,
                            isReleasedReference: true))
                }
            }
        }
    }
}
