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

    /// Threads of their own (not the cooperative pool, which the synchronous tests beside it
    /// keep busy), all at once on one locator.
    @Test func aSharedLocatorGivesEveryThreadTheSamePlaces() {
        let alone = Self.paths.map { JSONLocator(bytes: Self.document, file: "a.json").location(of: $0) }
        #expect(alone[0].line == 2 && alone[1].line == 3, "\(alone)")
        for _ in 0..<20 {
            let shared = JSONLocator(bytes: Self.document, file: "a.json")
            let found = Found()
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                found.append(Self.paths.map { shared.location(of: $0) })
            }
            #expect(found.all.count == 8 && found.all.allSatisfy { $0 == alone })
        }
    }

    /// What the threads found, gathered under a lock.
    final class Found: @unchecked Sendable {
        private let lock = NSLock()
        private var places: [[EcoprodFramework.SourceLocation]] = []

        func append(_ found: [EcoprodFramework.SourceLocation]) {
            lock.lock()
            places.append(found)
            lock.unlock()
        }

        var all: [[EcoprodFramework.SourceLocation]] {
            lock.lock()
            defer { lock.unlock() }
            return places
        }
    }
}
