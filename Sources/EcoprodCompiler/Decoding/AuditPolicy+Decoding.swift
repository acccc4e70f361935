import EcoprodFramework
import StrictYAML

/// `audit:` in `framework.yaml`: the sample an auditor checks, typed, each value in range.
extension SourceDecoder {
    mutating func auditPolicy(_ node: YAMLNode) -> AuditPolicy? {
        guard
            let fields = mapping(
                node, context: "audit", required: ["mandatory", "size", "minimum", "per_department"])
        else { return nil }
        let mandatory = choice(fields["mandatory"], what: "audit.mandatory", as: AuditPolicy.MandatoryClaims.self)
        var size: AuditPolicy.SampleSize?
        if let sizeNode = fields["size"] {
            if let count = integer(sizeNode), count >= 0 {
                size = .count(count)
            } else if sizeNode.scalar?.value == "ceil-sqrt" {
                size = .ceilSquareRoot
            } else {
                diagnostics.emit(
                    .invalidValue(
                        "audit.size must be ceil-sqrt or a whole number of claims", at: sizeNode.range,
                        help: "write 'size: ceil-sqrt' (the square root of the claims, rounded up) or a count"))
            }
        }
        let minimum = count(fields["minimum"], what: "audit.minimum")
        let perDepartment = count(fields["per_department"], what: "audit.per_department")
        guard let mandatory, let size, let minimum, let perDepartment else { return nil }
        return AuditPolicy(mandatory: mandatory, size: size, minimum: minimum, perDepartment: perDepartment)
    }

    /// A whole number of claims, 0 or more.
    private mutating func count(_ node: YAMLNode?, what: String) -> Int? {
        guard let node else { return nil }
        guard let value = integer(node), value >= 0 else {
            diagnostics.emit(.invalidValue("\(what) must be a whole number, 0 or more", at: node.range, help: nil))
            return nil
        }
        return value
    }
}
