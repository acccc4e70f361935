import EcoprodFramework
import Foundation
import StrictYAML

/// One source file's bytes, named as diagnostics will name it: the folder as given on the
/// command line, joined with the path inside it.
public struct SourceFile: Sendable, Hashable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

extension SourceFile {
    /// Whether `other` holds the same bytes: at once when both share one buffer (a file that was
    /// not read again), else by `memcmp`. The language server asks this of every file on every
    /// edit, and `Array`'s own `==` compares element by element.
    public func hasSameBytes(as other: [UInt8]) -> Bool {
        guard bytes.count == other.count else { return false }
        guard !bytes.isEmpty else { return true }
        return bytes.withUnsafeBytes { mine in
            other.withUnsafeBytes { theirs in
                mine.baseAddress == theirs.baseAddress
                    || memcmp(mine.baseAddress!, theirs.baseAddress!, mine.count) == 0
            }
        }
    }
}

/// The files of a framework folder: `framework.yaml` and `departments/*.yaml`.
public struct FrameworkSources: Sendable {
    /// The `framework.yaml` file, when present.
    public var framework: SourceFile?
    /// The department files, in path order.
    public var departments: [SourceFile]

    public init(framework: SourceFile?, departments: [SourceFile]) {
        self.framework = framework
        self.departments = departments
    }

    /// Reads a framework folder. Problems (missing `framework.yaml`, unreadable files, links
    /// that lead outside the folder) go to `diagnostics`; the files that could be read are returned.
    ///
    /// A file larger than `maxFileBytes` is refused from its size alone, without being read, so
    /// a huge file costs neither time nor memory. With a `cache`, a file whose size and
    /// modification time have not changed since the last read is not read again.
    public static func load(
        directory: String, maxFileBytes: Int = YAMLLimits.default.maxFileBytes, cache: SourceFileCache? = nil,
        into diagnostics: inout DiagnosticCollector
    ) -> FrameworkSources {
        let manager = FileManager.default
        let display = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.emit(.fileUnreadable(display, reason: "no such folder"))
            return FrameworkSources(framework: nil, departments: [])
        }
        let root = URL(fileURLWithPath: directory).resolvingSymlinksInPath().standardizedFileURL.path
        func read(_ relative: String) -> SourceFile? {
            let path = display + "/" + relative
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
            guard resolved == root || resolved.hasPrefix(root + "/") else {
                diagnostics.emit(.pathOutsideFramework(path, target: resolved))
                return nil
            }
            let attributes = try? manager.attributesOfItem(atPath: path)
            let size = attributes?[.size] as? Int
            if let size, size > maxFileBytes {
                diagnostics.emit(
                    .yaml(
                        YAMLProblem(
                            kind: .sizeLimit, message: "file is \(size) bytes, over the limit of \(maxFileBytes) bytes",
                            range: SourceRange(file: path, at: SourcePosition(line: 1, column: 1)))))
                return nil
            }
            let modified = attributes?[.modificationDate] as? Date
            if let cache, let size, let modified, let bytes = cache.bytes(at: path, size: size, modified: modified) {
                return SourceFile(path: path, bytes: bytes)
            }
            guard let data = manager.contents(atPath: path) else {
                // A name whose bytes are not UTF-8 comes back with U+FFFD in their place, and
                // that name leads nowhere: say so rather than blame permissions.
                if relative.unicodeScalars.contains("\u{FFFD}") {
                    diagnostics.emit(
                        Diagnostic(
                            .fileNameNotUTF8,
                            "the name of \(path) is not valid UTF-8 (U+FFFD stands for the bytes that are not)",
                            at: .file(path),
                            help:
                                "rename the file with a UTF-8 name; the framework's files are named in UTF-8 on every system"
                        ))
                } else {
                    diagnostics.emit(.fileUnreadable(path, reason: "permission denied or not a regular file"))
                }
                return nil
            }
            let bytes = Array(data)
            if let cache, let modified { cache.store(bytes, at: path, modified: modified) }
            return SourceFile(path: path, bytes: bytes)
        }
        var framework: SourceFile?
        if manager.fileExists(atPath: display + "/framework.yaml") {
            framework = read("framework.yaml")
        } else {
            diagnostics.emit(.missingFrameworkFile(display))
        }
        let names = (try? manager.contentsOfDirectory(atPath: display + "/departments")) ?? []
        let departments = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().compactMap {
            read("departments/" + $0)
        }
        return FrameworkSources(framework: framework, departments: departments)
    }
}

extension FrameworkSources {
    /// Each file's bytes by path, for quoting source lines in text diagnostics.
    public var byPath: [String: [UInt8]] {
        var table: [String: [UInt8]] = [:]
        for file in [framework].compactMap({ $0 }) + departments { table[file.path] = file.bytes }
        return table
    }
}
