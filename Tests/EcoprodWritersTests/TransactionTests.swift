import EcoprodFramework
import Foundation
import TestSupport
import Testing

@testable import EcoprodWriters

/// A transaction puts every file in place, or none: whichever commit fails, the files placed
/// before it are put back byte for byte (or removed when new), and the later ones never appear.
@Suite struct TransactionTests {
    /// Three targets, the first two existing with old content; the one at `failing` is made a
    /// folder, which no file can be renamed over.
    @Test(arguments: [0, 1, 2])
    func aFailedCommitRestoresEveryFileAlreadyPlaced(failing: Int) throws {
        let folder = try temporaryFolder("ecoprod-transaction")
        let targets = ["a.json", "b.json.sig", "CHANGELOG.md"].map { folder.appendingPathComponent($0) }
        let old: [Data?] = [Data("old a\n".utf8), Data("old b\n".utf8), nil]
        for (target, bytes) in zip(targets, old) {
            if let bytes { try bytes.write(to: target) }
        }
        if let existing = old[failing], existing.isEmpty == false {
            try FileManager.default.removeItem(at: targets[failing])
        }
        try FileManager.default.createDirectory(at: targets[failing], withIntermediateDirectories: false)

        var transaction = Transaction()
        for (index, target) in targets.enumerated() {
            try transaction.stage(Array("new \(index)\n".utf8), to: target.path, force: true)
        }
        do {
            try transaction.commit()
            Issue.record("the commit at \(failing) cannot succeed, and did")
        } catch {
            #expect(error.diagnostic.code == .writeFailed)
        }

        for (index, target) in targets.enumerated() where index != failing {
            #expect(
                FileManager.default.contents(atPath: target.path) == old[index],
                "\(target.lastPathComponent) was not put back")
        }
        let hidden = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(hidden.isEmpty, "left \(hidden)")
    }

    @Test func aCommitPlacesEveryFileAndLeavesNothingElse() throws {
        let folder = try temporaryFolder("ecoprod-transaction")
        let targets = ["one", "two"].map { folder.appendingPathComponent($0) }
        try Data("old".utf8).write(to: targets[0])
        var transaction = Transaction()
        try transaction.stage(Array("1".utf8), to: targets[0].path, force: true)
        try transaction.stage(Array("2".utf8), to: targets[1].path)
        #expect(transaction.paths == targets.map(\.path))
        try transaction.commit()
        #expect(FileManager.default.contents(atPath: targets[0].path) == Data("1".utf8))
        #expect(FileManager.default.contents(atPath: targets[1].path) == Data("2".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["one", "two"])
    }

    @Test func aRefusedStageDropsWhatWasStaged() throws {
        let folder = try temporaryFolder("ecoprod-transaction")
        let kept = folder.appendingPathComponent("kept")
        try Data("mine".utf8).write(to: kept)
        var transaction = Transaction()
        try transaction.stage(Array("new".utf8), to: folder.appendingPathComponent("new").path)
        #expect(throws: AtomicFileWriter.Failure.self) { try transaction.stage(Array("theirs".utf8), to: kept.path) }
        #expect(transaction.paths.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["kept"])
    }

    /// A temporary named after a writer that no longer runs is removed by the next write of the
    /// same target; one of a live process (this one) is not.
    @Test func staleTemporariesAreSweptByTheNextWrite() throws {
        let folder = try temporaryFolder("ecoprod-transaction")
        let target = folder.appendingPathComponent("bundle.json")
        let stale = folder.appendingPathComponent(".bundle.json.tmp-999999999-42")
        let live = folder.appendingPathComponent(".bundle.json.tmp-\(getpid())-42")
        let other = folder.appendingPathComponent(".other.json.tmp-999999999-42")
        for file in [stale, live, other] { try Data("x".utf8).write(to: file) }
        _ = try AtomicFileWriter().write(Array("{}".utf8), to: target.path)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(names == ["bundle.json", live.lastPathComponent, other.lastPathComponent])
    }

    static let names: [(name: String, writer: Int32)] = [
        (".bundle.json.tmp-123-456", 123), (".CHANGELOG.md.bak-7-8", 7), (".x.tmp-abc-1", 0), ("bundle.json", 0),
        (".x.tmp-12", 0), (".x.tmp-0-1", 0),
    ]

    /// The writer's PID in a temporary's name; 0 where the name is not a temporary's.
    @Test(arguments: names)
    func aTemporaryNamesItsWriter(_ entry: (name: String, writer: Int32)) {
        #expect(TemporaryName.writer(of: entry.name) ?? 0 == entry.writer)
    }
}
