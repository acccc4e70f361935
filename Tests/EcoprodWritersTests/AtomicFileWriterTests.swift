import EcoprodFramework
import Foundation
import Testing

@testable import EcoprodWriters

@Suite struct AtomicFileWriterTests {
    private func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "ecoprod-writer-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func leftovers(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.contains(".tmp-") }
    }

    @Test func writesANewFileAndCreatesFolders() throws {
        let folder = try temporaryFolder()
        let path = folder + "/nested/out.json"
        #expect(try AtomicFileWriter().write(Array("a".utf8), to: path) == .written)
        #expect(FileManager.default.contents(atPath: path) == Data("a".utf8))
        #expect(leftovers(in: folder + "/nested").isEmpty)
    }

    @Test func identicalBytesAreANoOp() throws {
        let path = try temporaryFolder() + "/out.json"
        _ = try AtomicFileWriter().write(Array("same".utf8), to: path)
        let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.02)
        #expect(try AtomicFileWriter().write(Array("same".utf8), to: path) == .unchanged)
        let after = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        #expect(before == after)
    }

    @Test func differentContentIsRefusedWithoutForce() throws {
        let path = try temporaryFolder() + "/out.json"
        _ = try AtomicFileWriter().write(Array("old".utf8), to: path)
        #expect(throws: AtomicFileWriter.Failure.self) { try AtomicFileWriter().write(Array("new".utf8), to: path) }
        #expect(FileManager.default.contents(atPath: path) == Data("old".utf8))
        do {
            _ = try AtomicFileWriter().write(Array("new".utf8), to: path)
        } catch {
            #expect(error.diagnostic.code == .writeRefused)
            #expect(error.diagnostic.help?.contains("--force") == true)
        }
        #expect(try AtomicFileWriter(force: true).write(Array("new".utf8), to: path) == .written)
        #expect(FileManager.default.contents(atPath: path) == Data("new".utf8))
    }

    @Test func forceIsNeverAllowedInReleases() throws {
        let folder = try temporaryFolder() + "/releases"
        let path = folder + "/x-1.0.0.json"
        _ = try AtomicFileWriter().write(Array("frozen".utf8), to: path)
        do {
            _ = try AtomicFileWriter(force: true).write(Array("changed".utf8), to: path)
            Issue.record("a frozen release was overwritten")
        } catch {
            #expect(error.diagnostic.code == .writeRefused)
            #expect(error.diagnostic.message.contains("frozen"))
        }
        #expect(FileManager.default.contents(atPath: path) == Data("frozen".utf8))
    }

    @Test func unwritableFolderIsAClearErrorWithNoPartialFile() throws {
        guard getuid() != 0 else {
            // root ignores permission bits; simulate the failure with a path whose parent is a file.
            let folder = try temporaryFolder()
            #expect(FileManager.default.createFile(atPath: folder + "/file", contents: Data()))
            #expect(throws: AtomicFileWriter.Failure.self) {
                try AtomicFileWriter().write([1], to: folder + "/file/out.json")
            }
            return
        }
        let folder = try temporaryFolder()
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder) }
        #expect(throws: AtomicFileWriter.Failure.self) { try AtomicFileWriter().write([1], to: folder + "/out.json") }
        #expect(leftovers(in: folder).isEmpty)
    }
}

@Suite struct ReleaseDateTests {
    @Test(arguments: [
        (0, "1970-01-01"), (951_782_400, "2000-02-29"), (1_685_577_600, "2023-06-01"), (4_102_444_799, "2099-12-31"),
    ])
    func epochsFormatAsUTCDates(_ epoch: Int, _ date: String) {
        #expect(ReleaseDate.format(epoch: epoch) == date)
    }

    @Test(arguments: ["2023-02-29", "2023-13-01", "2023-1-01", "yesterday", "2023-06-00"])
    func invalidDatesAreRefused(_ text: String) {
        #expect(ReleaseDate.validated(text) == nil)
    }

    @Test func sourceDateEpochIsUsedWhenNoDateIsGiven() throws {
        #expect(
            try ReleaseDate.resolve(explicit: nil, environment: ["SOURCE_DATE_EPOCH": "1685577600"]) == "2023-06-01")
        #expect(
            try ReleaseDate.resolve(explicit: "2024-01-02", environment: ["SOURCE_DATE_EPOCH": "0"]) == "2024-01-02")
        #expect(try ReleaseDate.resolve(explicit: nil, environment: [:]) == nil)
        #expect(throws: ReleaseDate.Invalid.self) {
            try ReleaseDate.resolve(explicit: nil, environment: ["SOURCE_DATE_EPOCH": "soon"])
        }
    }
}
