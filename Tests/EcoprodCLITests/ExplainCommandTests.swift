import EcoprodFramework
import Foundation
import TestSupport
import Testing

/// `ecoprod explain CODE` through the real binary.
struct ExplainCommandTests {
    @Test(arguments: ["P401", "p401", "Y102", "B105", "A107"])
    func explainsARegisteredCode(_ typed: String) throws {
        let result = try runEcoprod(["explain", typed])
        let code = try #require(DiagnosticCode(named: typed))
        #expect(result.status == 0)
        #expect(result.stdout == code.explanationText)
        #expect(result.stdout.contains("For example:") && result.stdout.contains("Fix: "))
        #expect(result.stderr.isEmpty)
    }

    @Test func anUnknownCodeIsAUsageErrorWithTheNearestCodes() throws {
        let result = try runEcoprod(["explain", "P41"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("unknown diagnostic code 'P41'; the nearest codes are P401"))
    }
}
