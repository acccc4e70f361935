/// The model's invariants, written once: what every framework must satisfy, whether it was
/// compiled from YAML sources or read from a bundle.
///
/// Each violation names its place in the model (``FrameworkInvariants/Place``), not in a file:
/// the compiler maps the place back to its YAML range and reports it with its source code (I302,
/// R501, R503, R504, P401, T601, C701, C703); the bundle verifier maps it to a JSON path and reports
/// it as B108. Adding a rule here reaches both.
public enum FrameworkInvariants {
    /// A place in the model.
    public enum Place: Sendable, Hashable {
        case frameworkTitle
        case locale(Int)
        case stage(Int)
        case stageTitle(Int)
        case department(Int)
        case departmentTitle(Int)
        case productionType(Int)
        case productionTypeTitle(Int)
        case scheme(Int)
        case schemeTitle(Int)
        case schemeThreshold(Int)
        case schemeLevel(scheme: Int, level: Int)
        case criterion(Int)
        case criterionDepartment(Int)
        case criterionPoints(Int)
        case criterionAppliesTo(Int, entry: Int)
        case criterionStage(Int, entry: Int)
        case criterionTitle(Int)
        case criterionGuidance(Int)
        case criterionEvidence(Int, entry: Int)
    }

    /// What kind of thing carries an ID.
    public enum Catalog: String, Sendable, Hashable {
        case criterion, department, scheme, stage
        case productionType = "production type"
    }

    /// What a criterion refers to by ID.
    public enum Reference: String, Sendable, Hashable {
        case department, stage
        case productionType = "production type"
    }

    /// One broken invariant, with the values needed to say so.
    public enum Violation: Sendable, Hashable {
        /// An ID declared twice; `first` is where it was declared first.
        case duplicateID(Catalog, id: String, at: Place, first: Place)
        /// A criterion names a department, production type or stage that is not declared.
        case undeclaredReference(Reference, id: String, criterion: String, at: Place, declared: [String])
        /// Points outside 1…``Criterion/maximumPoints``.
        case pointsOutOfRange(criterion: String, points: Int, at: Place)
        /// A human text without one of the declared locales; `what` names the text.
        case missingLocale(locale: String, what: String, at: Place, declared: [String])
        /// A declared locale code that is not a BCP 47 language tag (``LocaleTag``).
        case invalidLocale(String, at: Place)
        /// A threshold outside ``BasisPoints/thresholdRange``.
        case thresholdOutOfRange(scheme: String, BasisPoints, at: Place)
        /// A star level outside ``BasisPoints/levelRange``.
        case levelOutOfRange(scheme: String, BasisPoints, at: Place)

        /// Where the violation is.
        public var place: Place {
            switch self {
            case .duplicateID(_, _, let place, _), .undeclaredReference(_, _, _, let place, _),
                .pointsOutOfRange(_, _, let place),
                .missingLocale(_, _, let place, _), .thresholdOutOfRange(_, _, let place),
                .levelOutOfRange(_, _, let place),
                .invalidLocale(_, let place):
                return place
            }
        }

        /// The violation in words, for a bundle (the compiler words source problems its own way).
        public var message: String {
            switch self {
            case .duplicateID(.criterion, let id, _, _): return "criterion ID \(id) appears twice"
            case .duplicateID(let catalog, let id, _, _): return "\(catalog.rawValue) ID \(id) appears twice"
            case .undeclaredReference(let reference, let id, let criterion, _, _):
                let verb = reference == .productionType ? "applies to" : "names"
                return "criterion \(criterion) \(verb) \(reference.rawValue) \(id), which the bundle does not declare"
            case .pointsOutOfRange(let criterion, let points, _):
                return "criterion \(criterion) has \(points) points; points are from 1 to \(Criterion.maximumPoints)"
            case .missingLocale(let locale, let what, _, let declared):
                return "\(what) has no '\(locale)' text; the bundle declares \(declared.joined(separator: ", "))"
            case .invalidLocale(let code, _):
                return "locale '\(code)' is not a BCP 47 language tag such as fr, en or pt-BR"
            case .thresholdOutOfRange(let scheme, let value, _):
                return "scheme \(scheme) has a threshold of \(value.rawValue) basis points; thresholds are from "
                    + "\(BasisPoints.thresholdRange.lowerBound.rawValue) to \(BasisPoints.thresholdRange.upperBound.rawValue)"
            case .levelOutOfRange(let scheme, let value, _):
                return "scheme \(scheme) has a star level at \(value.rawValue) basis points; levels are from "
                    + "\(BasisPoints.levelRange.lowerBound.rawValue) to \(BasisPoints.levelRange.upperBound.rawValue)"
            }
        }
    }

    /// Every violation in `framework`, in model order.
    ///
    /// With `translations: false`, missing translations are left out: for a caller that reports
    /// them itself where they are written (the compiler's decoder, which sees the YAML mapping
    /// that lacks the key), and so need not pay for a walk of every text.
    public static func violations(in framework: Framework, translations: Bool = true) -> [Violation] {
        var found: [Violation] = []
        checkIDs(framework, into: &found)
        checkReferences(framework, into: &found)
        checkRanges(framework, into: &found)
        checkLocaleTags(framework, into: &found)
        if translations { checkTranslations(framework, into: &found) }
        return found
    }

    private static func checkIDs(_ framework: Framework, into found: inout [Violation]) {
        func unique(_ ids: [String], _ catalog: Catalog, _ place: (Int) -> Place) {
            var first: [String: Int] = [:]
            for (index, id) in ids.enumerated() {
                if let earlier = first[id] {
                    found.append(.duplicateID(catalog, id: id, at: place(index), first: place(earlier)))
                } else {
                    first[id] = index
                }
            }
        }
        unique(framework.identity.stages.map(\.id), .stage, Place.stage)
        unique(framework.productionTypes.map(\.id), .productionType, Place.productionType)
        unique(framework.departments.map(\.id), .department, Place.department)
        unique(framework.scoring.schemes.map(\.id), .scheme, Place.scheme)
        unique(framework.criteria.map(\.id), .criterion, Place.criterion)
    }

    private static func checkReferences(_ framework: Framework, into found: inout [Violation]) {
        let departments = framework.departments.map(\.id)
        let types = framework.productionTypes.map(\.id)
        let stages = framework.identity.stages.map(\.id)
        let (departmentSet, typeSet, stageSet) = (Set(departments), Set(types), Set(stages))
        let criteria = framework.criteria
        for index in criteria.indices {
            if !departmentSet.contains(criteria[index].department) {
                found.append(
                    .undeclaredReference(
                        .department, id: criteria[index].department, criterion: criteria[index].id,
                        at: .criterionDepartment(index), declared: departments))
            }
            for (entry, type) in criteria[index].appliesTo.enumerated() where !typeSet.contains(type) {
                found.append(
                    .undeclaredReference(
                        .productionType, id: type, criterion: criteria[index].id,
                        at: .criterionAppliesTo(index, entry: entry), declared: types))
            }
            for (entry, stage) in criteria[index].stages.enumerated() where !stageSet.contains(stage) {
                found.append(
                    .undeclaredReference(
                        .stage, id: stage, criterion: criteria[index].id, at: .criterionStage(index, entry: entry),
                        declared: stages))
            }
        }
    }

    private static func checkRanges(_ framework: Framework, into found: inout [Violation]) {
        let criteria = framework.criteria
        for index in criteria.indices where !Criterion.pointsRange.contains(criteria[index].points) {
            found.append(
                .pointsOutOfRange(
                    criterion: criteria[index].id, points: criteria[index].points, at: .criterionPoints(index)))
        }
        // Outside these ranges the scorer's exact arithmetic has no meaning.
        for (index, scheme) in framework.scoring.schemes.enumerated() {
            if !BasisPoints.thresholdRange.contains(scheme.threshold.basisPoints) {
                found.append(
                    .thresholdOutOfRange(scheme: scheme.id, scheme.threshold.basisPoints, at: .schemeThreshold(index)))
            }
            for (level, star) in scheme.levels.enumerated() where !BasisPoints.levelRange.contains(star.basisPoints) {
                found.append(
                    .levelOutOfRange(scheme: scheme.id, star.basisPoints, at: .schemeLevel(scheme: index, level: level))
                )
            }
        }
    }

    /// Every human text is given in every declared locale: readers and reports show each text
    /// per locale, and a missing one would show as nothing.
    private static func checkLocaleTags(_ framework: Framework, into found: inout [Violation]) {
        for (index, code) in framework.identity.locales.enumerated() where !LocaleTag.isValid(code) {
            found.append(.invalidLocale(code, at: .locale(index)))
        }
    }

    private static func checkTranslations(_ framework: Framework, into found: inout [Violation]) {
        let locales = framework.identity.locales
        func check(_ text: LocalizedText, _ what: @autoclosure () -> String, _ place: Place) {
            for locale in text.missingLocales(of: locales) {
                found.append(.missingLocale(locale: locale, what: what(), at: place, declared: locales))
            }
        }
        check(framework.identity.title, "the framework title", .frameworkTitle)
        for (index, stage) in framework.identity.stages.enumerated() {
            check(stage.title, "stage \(stage.id)", .stageTitle(index))
        }
        for (index, department) in framework.departments.enumerated() {
            check(department.title, "department \(department.id)", .departmentTitle(index))
        }
        for (index, type) in framework.productionTypes.enumerated() {
            check(type.title, "production type \(type.id)", .productionTypeTitle(index))
        }
        for (index, scheme) in framework.scoring.schemes.enumerated() {
            check(scheme.title, "scheme \(scheme.id)", .schemeTitle(index))
        }
        // Fields are read in place: copying each criterion out of the array retained all of them.
        let criteria = framework.criteria
        for index in criteria.indices {
            check(criteria[index].title, "criterion \(criteria[index].id) title", .criterionTitle(index))
            check(criteria[index].guidance, "criterion \(criteria[index].id) guidance", .criterionGuidance(index))
            for (entry, evidence) in criteria[index].evidence.enumerated() {
                check(
                    evidence, "criterion \(criteria[index].id) evidence \(entry + 1)",
                    .criterionEvidence(index, entry: entry))
            }
        }
    }
}

extension LocalizedText {
    /// The declared locales this text lacks, in declared order.
    public func missingLocales(of declared: [String]) -> [String] {
        // Nearly every text has them all: that answer allocates nothing.
        if declared.allSatisfy({ translations[$0] != nil }) { return [] }
        return declared.filter { translations[$0] == nil }
    }
}

extension Criterion {
    /// The points a criterion may carry: at least 1, at most ``maximumPoints``.
    public static let pointsRange = 1...maximumPoints
}
