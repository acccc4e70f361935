import Testing

@testable import EcoprodFramework

/// The draw's rules, one policy at a time, over a made-up set of claims: 4 mandatory, and 20
/// others in 4 departments (10, 6, 3 and 1 claims).
@Suite struct AuditDrawTests {
    static let departments = ["A", "B", "C", "D"]
    static let claims: [AuditDraw.Claim] =
        (1...4).map { AuditDraw.Claim(id: "A\($0)", department: "A", mandatory: true) }
        + (5...14).map { AuditDraw.Claim(id: "A\($0)", department: "A", mandatory: false) }
        + (1...6).map { AuditDraw.Claim(id: "B\($0)", department: "B", mandatory: false) }
        + (1...3).map { AuditDraw.Claim(id: "C\($0)", department: "C", mandatory: false) }
        + [AuditDraw.Claim(id: "D1", department: "D", mandatory: false)]

    static func draw(_ policy: AuditPolicy, beacon: String = "round 1") -> AuditDraw {
        AuditDraw(
            claims: claims, departments: departments, policy: policy,
            statementDigest: String(repeating: "ab", count: 32),
            beacon: beacon)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var policy: AuditPolicy
        var mandatory: Int
        var department: Int
        var drawn: Int
        var testDescription: String { "\(policy.summary(french: false))" }
    }

    static let cases: [Case] = [
        // ceil(sqrt(20)) = 5 of the others; one per department (4), then 1 drawn.
        Case(
            policy: AuditPolicy(mandatory: .all, size: .ceilSquareRoot, minimum: 3, perDepartment: 1), mandatory: 4,
            department: 4, drawn: 1),
        // The minimum wins over the root.
        Case(
            policy: AuditPolicy(mandatory: .all, size: .ceilSquareRoot, minimum: 9, perDepartment: 1), mandatory: 4,
            department: 4, drawn: 5),
        // Two per department where there are two (D has one): 7, over the count of 5; none drawn.
        Case(
            policy: AuditPolicy(mandatory: .all, size: .ceilSquareRoot, minimum: 3, perDepartment: 2), mandatory: 4,
            department: 7, drawn: 0),
        // Mandatory claims drawn like the others: the pool is 24, ceil(sqrt(24)) = 5.
        Case(
            policy: AuditPolicy(mandatory: .draw, size: .ceilSquareRoot, minimum: 0, perDepartment: 0), mandatory: 0,
            department: 0, drawn: 5),
        // A fixed count larger than the pool takes the whole pool.
        Case(
            policy: AuditPolicy(mandatory: .all, size: .count(50), minimum: 0, perDepartment: 0), mandatory: 4,
            department: 0, drawn: 20),
    ]

    @Test(arguments: cases)
    func eachPolicyDrawsItsCount(_ item: Case) {
        let sample = Self.draw(item.policy).sample
        #expect(sample.filter { $0.reason == .mandatory }.count == item.mandatory)
        #expect(sample.filter { $0.reason == .department }.count == item.department)
        #expect(sample.filter { $0.reason == .draw }.count == item.drawn)
        #expect(Set(sample.map(\.criterion)).count == sample.count, "a claim sampled twice")
    }

    @Test func theDrawTakesTheLowestTicketsInOrder() {
        let draw = Self.draw(AuditPolicy(mandatory: .all, size: .count(8), minimum: 0, perDepartment: 0))
        let drawn = draw.sample.filter { $0.reason == .draw }.map(\.criterion)
        let others = Self.claims.filter { !$0.mandatory }.map(\.id)
        #expect(drawn == others.sorted { draw.tickets[$0]! < draw.tickets[$1]! }.prefix(8).map { $0 })
        #expect(draw.seed == HexDigest.sha256("ecoprod-audit-seed:\(String(repeating: "ab", count: 32)):round 1"))
        #expect(draw.tickets["B3"] == HexDigest.sha256("\(draw.seed):B3"))
    }

    /// The consistent sampler's property: a larger count only adds claims to a smaller one.
    @Test(arguments: 1...19)
    func aLargerSampleExtendsASmallerOne(_ count: Int) {
        let policy = { (size: Int) in AuditPolicy(mandatory: .all, size: .count(size), minimum: 0, perDepartment: 1) }
        let smaller = Set(Self.draw(policy(count)).sample.map(\.criterion))
        let larger = Set(Self.draw(policy(count + 1)).sample.map(\.criterion))
        #expect(smaller.isSubset(of: larger))
    }

    @Test func anotherBeaconDrawsAnotherSample() {
        let policy = AuditPolicy(mandatory: .all, size: .ceilSquareRoot, minimum: 3, perDepartment: 1)
        #expect(Self.draw(policy).sample != Self.draw(policy, beacon: "round 2").sample)
        #expect(Self.draw(policy).sample == Self.draw(policy).sample)
    }

    @Test(arguments: [(0, 0), (1, 1), (2, 2), (4, 2), (5, 3), (72, 9), (81, 9), (82, 10)])
    func theSquareRootIsRoundedUpExactly(_ claims: Int, _ size: Int) {
        #expect(AuditPolicy.SampleSize.ceilSquareRoot.size(of: claims) == size)
    }
}
