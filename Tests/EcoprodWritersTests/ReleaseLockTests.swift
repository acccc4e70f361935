import Foundation
import TestSupport
import Testing

@testable import EcoprodWriters

@Suite struct ReleaseLockTests {
    @Test func theLockIsExclusiveAndBreaksWhenStale() throws {
        let folder = try releaseWorkspace().appendingPathComponent("Framework/releases").path
        let first = try ReleaseLock.acquire(in: folder).get()
        #expect(throws: ReleaseLock.Failure.self) { try ReleaseLock.acquire(in: folder).get() }
        first.release()
        #expect(!FileManager.default.fileExists(atPath: folder + "/" + ReleaseLock.fileName))
        try Data("999999999\n".utf8).write(to: URL(fileURLWithPath: folder + "/" + ReleaseLock.fileName))
        let second = try ReleaseLock.acquire(in: folder).get()
        second.release()
    }
}
