import EcoprodFramework

extension Framework {
    /// "ecoprod-label 1.0.0: 80 criteria, 8 mandatory, 10 departments, 2 schemes"
    var summaryLine: String {
        let schemes = scoring.schemes.count
        return "\(identity.id) \(identity.version): \(criteria.count) criteria, \(mandatoryCount) mandatory, "
            + "\(departments.count) departments, \(schemes) scheme\(schemes == 1 ? "" : "s")"
    }
}
