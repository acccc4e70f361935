import Foundation
import Testing

@testable import EcoprodFramework

/// One locator shared by many tasks: each finds the same places as a locator used alone. Under
/// `swift test --sanitize=thread` this is the test that shows the lazy table is filled safely.
@Suite struct JSONLocatorConcurrencyTests {
    static let document = Array(
        """
        {"framework": {"id": "ecoprod-label", "version": "1.1.0"},
         "answers": {"A1": {"status": "met"},
                     "B2": {"status": "not-applicable", "justification": "none"}}}
        """.utf8)

    static let paths = [
        "$.answers.A1.status", "$.answers.B2.justification", "$.framework.version", "$.answers.Z9.status", "$",
    ]

    @Test func aSharedLocatorGivesEveryTaskTheSamePlaces() async {
        let alone = Self.paths.map { JSONLocator(bytes: Self.document, file: "a.json").location(of: $0) }
        #expect(alone[0].line == 2 && alone[1].line == 3, "\(alone)")
        for _ in 0..<20 {
            let shared = JSONLocator(bytes: Self.document, file: "a.json")
            let found = await withTaskGroup(
                of: [EcoprodFramework.SourceLocation].self, returning: [[EcoprodFramework.SourceLocation]].self
            ) { group in
                for _ in 0..<8 {
                    group.addTask { Self.paths.map { path in shared.location(of: path) } }
                }
                var all: [[EcoprodFramework.SourceLocation]] = []
                for await places in group { all.append(places) }
                return all
            }
            #expect(found.count == 8 && found.allSatisfy { $0 == alone })
        }
    }
}
