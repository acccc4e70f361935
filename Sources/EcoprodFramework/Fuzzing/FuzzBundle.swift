/// The bundle the fuzz targets read answers and grids against (`@_spi(Fuzzing)`), shared by the
/// libFuzzer entries and the `swift test` replays of their kept inputs, so that both meet the same
/// criteria, types and scheme.
@_spi(Fuzzing) public enum FuzzBundle {
    /// Two departments, twelve criteria, two types, one scheme. Its content, and so its digest,
    /// is what the kept corpora were found against: change it and they reach less deep.
    public static let small: FrameworkBundle = {
        let text = { (words: String) in LocalizedText(["fr": words, "en": words]) }
        let criteria = (1...12).map { index in
            Criterion(
                id: "A\(index)", department: index <= 6 ? "A" : "B", title: text("Critère \(index)"),
                guidance: text("G"), stages: ["shoot"],
                points: index % 4 + 1, mandatory: index <= 2,
                appliesTo: index % 3 == 0 ? ["series"] : ["series", "documentary"], evidence: [text("E")])
        }
        return FrameworkBundle(
            framework: Framework(
                identity: FrameworkIdentity(
                    id: "fuzz", version: SemanticVersion("1.0.0")!, title: text("Fuzz"), locales: ["fr", "en"],
                    criterionIDPattern: ".*",
                    stages: [CatalogEntry(id: "shoot", title: text("Tournage"))]),
                departments: [Department(id: "A", title: text("A")), Department(id: "B", title: text("B"))],
                criteria: criteria,
                productionTypes: [
                    CatalogEntry(id: "series", title: text("Série")),
                    CatalogEntry(id: "documentary", title: text("Documentaire")),
                ],
                scoring: ScoringPolicy(
                    notApplicable: NotApplicableRule(effect: .excluded, mandatoryAllowed: false),
                    schemes: [
                        Scheme(
                            id: "performance", title: text("Performance"),
                            threshold: Threshold(basisPoints: 6500, comparison: .atLeast),
                            levels: [StarLevel(stars: 1, basisPoints: 6500)])
                    ]),
                lineage: .origin))
    }()
}
