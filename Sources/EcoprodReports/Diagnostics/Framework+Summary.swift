import EcoprodFramework

extension Framework {
    /// One line that says what a framework is, as `check`, `build` and `release` print it:
    /// "ecoprod-label 1.0.0: 80 criteria, 8 mandatory, 10 departments, 2 schemes".
    public var summaryLine: String {
        let schemes = scoring.schemes.count
        return "\(identity.id) \(identity.version): \(criteria.count) criteria, \(mandatoryCount) mandatory, "
            + "\(departments.count) departments, \(schemes) scheme\(schemes == 1 ? "" : "s")"
    }
}
