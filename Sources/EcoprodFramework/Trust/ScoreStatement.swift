import Foundation

/// A signed claim of a production's score: an in-toto Statement v1 whose subject is the answer
/// set (by the SHA-256 of its canonical JSON) and whose predicate is the score against one named
/// bundle. Signed detached with SSHSIG for `ecoprod-statement`, like a release.
///
/// It proves who scored which answers, against which framework, with which result. It does not
/// prove the answers are true: checking the evidence is the AFNOR audit's job.
public struct ScoreStatement: Sendable, Hashable {
    public static let type = "https://in-toto.io/Statement/v1"
    /// Ours: `Schemas/score-statement.schema.json` documents the predicate.
    public static let predicateType = "https://ecoprod.example/attestations/score/v1"

    /// `sha256` hex of the answer set's canonical JSON (RFC 8785).
    public var answersDigest: String
    /// The subject's name: the answer file's name, for people.
    public var answersName: String
    /// The predicate: the bundle, the production and every figure of the score.
    public var predicate: [String: JSONValue]

    /// The SHA-256 of an answer set's canonical JSON, in hex: the statement's subject.
    public static func digest(ofAnswers answers: JSONValue) -> String {
        HexDigest.sha256(answers.canonicalBytes())
    }

    /// The statement of a score, made by `tool` (`ecoprod 0.1.0`) on `date` (`YYYY-MM-DD`).
    public init(
        answers: JSONValue, name: String, scored: ScoredAnswers, tool: (name: String, version: String), date: String
    ) {
        answersDigest = Self.digest(ofAnswers: answers)
        answersName = name
        predicate = Self.figures(of: scored)
        predicate["tool"] = ["name": .string(tool.name), "version": .string(tool.version)]
        predicate["scored_on"] = .string(date)
    }

    /// The members of the predicate a re-scoring must reproduce exactly.
    public static func figures(of scored: ScoredAnswers) -> [String: JSONValue] {
        let report = scored.report
        let bundle = scored.bundle
        return [
            "bundle": [
                "id": .string(bundle.framework.identity.id),
                "version": .string(bundle.framework.identity.version.description),
                "digest": .string(bundle.digest),
            ],
            "production": ["title": .string(report.production.title), "type": .string(report.production.type)],
            "scheme": .string(report.production.scheme),
            "percent": .string(report.percent),
            "basis_points": .integer(report.basisPoints.rawValue),
            "points": .integer(report.points),
            "applicable_points": .integer(report.applicablePoints),
            "threshold": [
                "basis_points": .integer(report.threshold.basisPoints.rawValue),
                "comparison": .string(report.threshold.comparison.rawValue),
            ],
            "eligible": .bool(report.eligible),
            "stars": .integer(report.stars),
            "mandatory_missing": .array(report.mandatoryMissing.map(JSONValue.string)),
        ]
    }

    /// The statement as JSON: what is written, and signed, byte for byte (pretty, sorted keys).
    public var jsonValue: JSONValue {
        [
            "_type": .string(Self.type),
            "subject": [["name": .string(answersName), "digest": ["sha256": .string(answersDigest)]]],
            "predicateType": .string(Self.predicateType),
            "predicate": .object(predicate),
        ]
    }

    /// Reads a statement, checking its type, predicate type and subject.
    public init(json: JSONField) throws(JSONField.ShapeError) {
        let members = try json.object()
        let type = try members.required("_type").string()
        guard type == Self.type else {
            throw JSONField.ShapeError(kind: .invalid("'\(type)' is not an in-toto Statement v1"), path: "$._type")
        }
        let predicateType = try members.required("predicateType").string()
        guard predicateType == Self.predicateType else {
            throw JSONField.ShapeError(
                kind: .invalid("predicate type '\(predicateType)' is not \(Self.predicateType)"),
                path: "$.predicateType")
        }
        let subjects = try members.required("subject").array()
        guard subjects.count == 1 else {
            throw JSONField.ShapeError(kind: .invalid("a score statement has exactly one subject"), path: "$.subject")
        }
        let subject = try subjects[0].object()
        answersName = try subject.required("name").string()
        answersDigest = try subject.required("digest").object().required("sha256").string()
        predicate = try members.required("predicate").object().members
        for name in ["bundle", "scored_on"] { _ = try members.required("predicate").object().required(name) }
        try Self.refuseUnknownMembers(members)
        let scoredOn = try members.required("predicate").object().required("scored_on")
        guard ReleaseDate.validated(try scoredOn.string()) != nil else {
            throw JSONField.ShapeError(
                kind: .invalid("'\(try scoredOn.string())' is not a calendar date (YYYY-MM-DD)"),
                path: "$.predicate.scored_on")
        }
    }

    /// The members `Schemas/score-statement.schema.json` allows, by object: a statement that
    /// carries any other (`certified_by_afnor`) states what no scorer computed, and is refused.
    static let allowedMembers: [String: Set<String>] = [
        "$": ["_type", "subject", "predicateType", "predicate"],
        "$.predicate": [
            "bundle", "production", "scheme", "percent", "basis_points", "points", "applicable_points", "threshold",
            "eligible", "stars", "mandatory_missing", "tool", "scored_on",
        ],
        "$.predicate.bundle": ["id", "version", "digest"],
        "$.predicate.production": ["title", "type"],
        "$.predicate.threshold": ["basis_points", "comparison"],
        "$.predicate.tool": ["name", "version"],
    ]

    private static func refuseUnknownMembers(_ members: JSONField.Members) throws(JSONField.ShapeError) {
        for (path, allowed) in allowedMembers.sorted(by: { $0.key < $1.key }) {
            var value: JSONValue? = .object(members.members)
            for step in path.split(separator: ".").dropFirst() { value = value?[String(step)] }
            guard case .object(let found)? = value else { continue }
            if let unknown = found.keys.sorted().first(where: { !allowed.contains($0) }) {
                throw JSONField.ShapeError(
                    kind: .invalid("'\(unknown)' is not a member of a score statement"), path: "\(path).\(unknown)")
            }
        }
    }

    /// The bundle the statement names: id, version and digest.
    public var bundle: (id: String, version: String, digest: String)? {
        guard case .object(let members)? = predicate["bundle"], let id = members["id"]?.stringValue,
            let version = members["version"]?.stringValue, let digest = members["digest"]?.stringValue
        else { return nil }
        return (id, version, digest)
    }

    /// The day the score was stated, `YYYY-MM-DD`.
    public var scoredOn: String? { predicate["scored_on"]?.stringValue }

    /// Each figure that differs from a re-scoring: `"eligible: stated true, recomputed false"`.
    public func differences(from recomputed: ScoredAnswers) -> [String] {
        let expected = Self.figures(of: recomputed)
        return expected.keys.sorted().compactMap { name in
            let stated = predicate[name]
            guard stated != expected[name] else { return nil }
            let text = { (value: JSONValue?) in
                value.map { String(decoding: $0.compactBytes(), as: UTF8.self) } ?? "(absent)"
            }
            return "\(name): stated \(text(stated)), recomputed \(text(expected[name]))"
        }
    }
}
