import EcoprodCompiler
import EcoprodFramework
import Foundation

/// Seeded synthetic frameworks in the real source format, as realistic as the shipped one:
/// fr/en titles and guidance of normal length, evidence lists, applicability lists.
struct SyntheticFramework {
    let criteriaCount: Int
    var generator: SplitMix

    static let departments = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"]
    static let types = [
        "feature-film", "series", "documentary", "tv-programme", "advertising", "short-film", "music-video",
    ]
    static let frWords = [
        "bilan", "carbone", "tournage", "énergie", "déchets", "réemploi", "décors", "équipe", "mobilité", "sobriété",
        "fournisseurs", "électricité", "régie", "costumes", "matériel", "hébergement", "plateau", "prévisionnel",
        "engagement", "écoconception",
    ]
    static let enWords = [
        "footprint", "carbon", "shoot", "energy", "waste", "reuse", "sets", "crew", "mobility", "sufficiency",
        "suppliers", "electricity", "logistics", "costumes", "equipment", "housing", "set", "forecast", "commitment",
        "ecodesign",
    ]

    init(criteria: Int, seed: UInt64) {
        criteriaCount = criteria
        generator = SplitMix(seed: seed)
    }

    mutating func sentence(_ words: [String], count: Int) -> String {
        var parts: [String] = []
        for _ in 0..<count { parts.append(words[Int(generator.next() % UInt64(words.count))]) }
        let text = parts.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    /// One criterion as YAML, with an optional `replaces`.
    mutating func criterion(id: String, points: Int, mandatory: Bool, replaces: String? = nil, titleSeed: UInt64? = nil)
        -> String
    {
        if let titleSeed { generator = SplitMix(seed: titleSeed) }
        let titleFR = sentence(Self.frWords, count: 5)
        let titleEN = sentence(Self.enWords, count: 5)
        let guidanceFR = sentence(Self.frWords, count: 22)
        let guidanceEN = sentence(Self.enWords, count: 20)
        let applies =
            generator.next() % 4 == 0
            ? "[" + Self.types.filter { _ in generator.next() % 2 == 0 }.prefix(4).joined(separator: ", ") + "]"
            : "all"
        var lines = [
            "  - id: \(id)",
            "    title:", "      fr: \"\(titleFR)\"", "      en: \"\(titleEN)\"",
            "    guidance:", "      fr: \"\(guidanceFR)\"", "      en: \"\(guidanceEN)\"",
            "    stages: [\(["preparation", "shoot", "post-production"][Int(generator.next() % 3)])]",
            "    points: \(points)",
            "    mandatory: \(mandatory)",
            "    applies_to: \(applies == "[]" ? "all" : applies)",
            "    evidence:",
        ]
        for _ in 0..<(1 + Int(generator.next() % 3)) {
            lines += [
                "      - fr: \"\(sentence(Self.frWords, count: 6))\"",
                "        en: \"\(sentence(Self.enWords, count: 6))\"",
            ]
        }
        if let replaces { lines.append("    replaces: [\(replaces)]") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func frameworkYAML(version: String, retired: [String] = []) -> String {
        var text = """
            id: synthetic
            version: \(version)
            title: {fr: Référentiel synthétique, en: Synthetic framework}
            locales: [fr, en]
            criterion_id_pattern: "^[A-J][1-9][0-9]*$"
            stages:
              - {id: preparation, title: {fr: Préparation, en: Preparation}}
              - {id: shoot, title: {fr: Tournage, en: Shoot}}
              - {id: post-production, title: {fr: Post-production, en: Post-production}}
            production_types:

            """
        for type in types { text += "  - {id: \(type), title: {fr: \(type), en: \(type)}}\n" }
        text += "departments:\n"
        for department in departments {
            text += "  - {id: \(department), title: {fr: Poste \(department), en: Department \(department)}}\n"
        }
        if !retired.isEmpty {
            text += "retired:\n"
            for id in retired { text += "  - {id: \(id), reason: {fr: Retiré, en: Retired}}\n" }
        }
        text += """
            scoring:
              not_applicable: {effect: excluded, mandatory_allowed: false}
              schemes:
                - id: performance
                  title: {fr: Performance, en: Performance}
                  threshold: {percent: 65, comparison: at-least}
                  levels: [{stars: 1, percent: 65}, {stars: 2, percent: 75}, {stars: 3, percent: 85}]

            """
        return text
    }

    /// The sources of version 1.0.0 and of the next version 2.0.0: 5% of criteria changed,
    /// 1% renamed, 1% retired, 1% added.
    mutating func versions() -> (old: FrameworkSources, new: FrameworkSources) {
        let perDepartment = criteriaCount / Self.departments.count
        var oldFiles: [SourceFile] = []
        var newFiles: [SourceFile] = []
        var retired: [String] = []
        let onePercent = max(1, perDepartment / 100)
        let fivePercent = max(1, perDepartment / 20)
        for (index, department) in Self.departments.enumerated() {
            var old = "department: \(department)\ncriteria:\n"
            var new = old
            let count = perDepartment + (index < criteriaCount % Self.departments.count ? 1 : 0)
            for number in 1...count {
                let id = "\(department)\(number)"
                let seed = UInt64(index * 1_000_003 + number)
                let points = 1 + Int(seed % 4)
                let mandatory = number == 1
                old += criterion(id: id, points: points, mandatory: mandatory, titleSeed: seed)
                if number > 1 && number <= 1 + onePercent {
                    retired.append(id)
                } else if number > 1 + onePercent && number <= 1 + 2 * onePercent {
                    new += criterion(
                        id: "\(department)\(count + number)", points: points, mandatory: false, replaces: id,
                        titleSeed: seed)
                } else if number > 1 + 2 * onePercent && number <= 1 + 2 * onePercent + fivePercent {
                    new += criterion(id: id, points: points % 4 + 1, mandatory: mandatory, titleSeed: seed)
                } else {
                    new += criterion(id: id, points: points, mandatory: mandatory, titleSeed: seed)
                }
            }
            for extra in 0..<onePercent {
                new += criterion(
                    id: "\(department)\(3 * count + extra + 1)", points: 2, mandatory: false,
                    titleSeed: UInt64(index * 7 + extra + 99_999))
            }
            oldFiles.append(SourceFile(path: "synthetic/departments/\(department).yaml", bytes: Array(old.utf8)))
            newFiles.append(SourceFile(path: "synthetic/departments/\(department).yaml", bytes: Array(new.utf8)))
        }
        let oldFramework = SourceFile(
            path: "synthetic/framework.yaml", bytes: Array(Self.frameworkYAML(version: "1.0.0").utf8))
        let newFramework = SourceFile(
            path: "synthetic/framework.yaml", bytes: Array(Self.frameworkYAML(version: "2.0.0", retired: retired).utf8))
        return (
            FrameworkSources(framework: oldFramework, departments: oldFiles),
            FrameworkSources(framework: newFramework, departments: newFiles)
        )
    }
}

/// SplitMix64: seeded, the same on every machine.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension FrameworkSources {
    /// Writes the sources under `folder`, for the whole-command measurements.
    func write(to folder: URL) throws {
        for file in [framework!] + departments {
            let url = folder.appendingPathComponent(String(file.path.drop { $0 != "/" }.dropFirst()))
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
        }
    }

    var allFiles: [SourceFile] { [framework!] + departments }
}
