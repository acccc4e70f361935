import TestSupport
import Testing

@testable import EcoprodFramework

/// The model's direct JSON forms are its Codable wire forms: the oracle (`JSONValue(encoding:)`,
/// test code only) and the direct form agree on every value of the shipped releases.
@Suite struct DirectJSONFormTests {
    @Test(arguments: ["1.0.0", "1.1.0"])
    func everyDirectFormIsItsCodableForm(_ version: String) throws {
        let framework = try shippedRelease(version).framework
        let scoring = framework.scoring
        #expect(scoring.jsonValue == JSONValue(encoding: scoring))
        #expect(scoring.notApplicable.jsonValue == JSONValue(encoding: scoring.notApplicable))
        for scheme in scoring.schemes {
            #expect(scheme.jsonValue == JSONValue(encoding: scheme))
            #expect(.array(scheme.levels.map(\.jsonValue)) == JSONValue(encoding: scheme.levels))
        }
        for criterion in framework.criteria.prefix(10) {
            #expect(criterion.jsonValue == JSONValue(encoding: criterion))
        }
    }
}
