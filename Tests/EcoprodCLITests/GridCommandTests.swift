import EcoprodFramework
import Foundation
import TestSupport
import Testing

private let release = "Framework/releases/ecoprod-label-1.1.0.json"
private let oldRelease = "Framework/releases/ecoprod-label-1.0.0.json"
private let example = "docs/examples/les-jours-verts.answers.json"

/// The grid through the real binary: render, import, score and migrate a workbook.
/// (Edited grids and their diagnostics in every format are driven by openpyxl in Tests/Grid.)
@Suite struct GridCommandTests {
    @Test func renderThenImportGivesBackTheAnswerSet() throws {
        let folder = try temporaryFolder("ecoprod-grid")
        let grid = folder.appendingPathComponent("grid.xlsx").path
        let rendered = try runEcoprod(["render", release, "--format", "xlsx", "--answers", example, "--output", grid])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        let imported = try runEcoprod(["import", grid])
        #expect(imported.status == 0, "\(imported.stderr)")
        let original = try JSONParser().parse(Array(try Data(contentsOf: packageRoot.appendingPathComponent(example))))
        #expect(try JSONParser().parse(imported.stdoutBytes) == original)
        let written = folder.appendingPathComponent("answers.json").path
        #expect(try runEcoprod(["import", grid, "--output", written]).status == 0)
        #expect(try JSONParser().parse(Array(try Data(contentsOf: URL(fileURLWithPath: written)))) == original)
    }

    /// A grid imported before its Production sheet is filled says what is empty, at its cell,
    /// and offers the titles its drop-downs show.
    @Test func anUnfilledGridSaysTheTypeIsEmptyAndListsTheTitles() throws {
        let grid = try temporaryFolder("ecoprod-grid").appendingPathComponent("blank.xlsx").path
        #expect(try runEcoprod(["render", release, "--format", "xlsx", "--output", grid]).status == 0)
        let imported = try runEcoprod(["import", grid])
        #expect(imported.status == 1)
        #expect(
            imported.stderr.contains("Production!B4: error[A105]: the production type is empty"), "\(imported.stderr)")
        #expect(imported.stderr.contains("choose one of: Long métrage (feature-film), Série (series)"))
        #expect(imported.stderr.contains("error[A106]: the scheme is empty"))
        #expect(!imported.stderr.contains("type '' is not declared"))
    }

    @Test func theSameInputsGiveTheSameBytesInAnyTimeZone() throws {
        let first = try runEcoprod(
            ["render", release, "--format", "xlsx", "--answers", example, "--output", "-"],
            environment: ["TZ": "Pacific/Auckland"])
        let second = try runEcoprod(
            ["render", release, "--format", "xlsx", "--answers", example, "--output", "-"],
            environment: ["TZ": "America/Los_Angeles"])
        #expect(first.status == 0 && second.status == 0, "\(first.stderr)\(second.stderr)")
        #expect(first.stdoutBytes.starts(with: Array("PK".utf8)))
        #expect(first.stdoutBytes == second.stdoutBytes)
    }

    @Test func anXLSXGridNeedsAnOutput() throws {
        let result = try runEcoprod(["render", release, "--format", "xlsx"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--output"))
    }

    @Test func scoreReadsAGridLikeItsAnswerSet() throws {
        let folder = try temporaryFolder("ecoprod-grid")
        let grid = folder.appendingPathComponent("grid.xlsx").path
        #expect(
            try runEcoprod(["render", release, "--format", "xlsx", "--answers", example, "--output", grid]).status == 0)
        let fromGrid = try runEcoprod(["score", grid, "--format", "json"])
        let fromJSON = try runEcoprod(["score", example, "--format", "json"])
        #expect(fromGrid.status == 0, "\(fromGrid.stderr)")
        #expect(fromGrid.stdout == fromJSON.stdout)
    }

    @Test func aGridFilledForAnOlderReleaseMigratesToAGrid() throws {
        let folder = try temporaryFolder("ecoprod-grid")
        let old = folder.appendingPathComponent("old.xlsx").path
        let new = folder.appendingPathComponent("new.xlsx").path
        let answers = "Tests/Conformance/ecoprod-label-1.0.0/one-mandatory-missing.answers.json"
        #expect(
            try runEcoprod(["render", oldRelease, "--format", "xlsx", "--answers", answers, "--output", old]).status
                == 0)
        let migrated = try runEcoprod(["migrate", old, "--to", "1.1.0", "--output", new])
        #expect(migrated.status == 0, "\(migrated.stderr)")
        #expect(migrated.stderr.contains("1.0.0 → 1.1.0"))
        let fromGrid = try runEcoprod(["import", new])
        let fromJSON = try runEcoprod(["migrate", answers, "--to", "1.1.0"])
        #expect(fromGrid.status == 0, "\(fromGrid.stderr)")
        #expect(try JSONParser().parse(fromGrid.stdoutBytes) == JSONParser().parse(fromJSON.stdoutBytes))
        let noOutput = try runEcoprod(["migrate", old, "--to", "1.1.0"])
        #expect(noOutput.status == 64)
    }

    @Test func renderMigratesOlderAnswersBeforeFillingTheGrid() throws {
        let folder = try temporaryFolder("ecoprod-grid")
        let grid = folder.appendingPathComponent("grid.xlsx").path
        let answers = "Tests/Conformance/ecoprod-label-1.0.0/all-met.answers.json"
        let rendered = try runEcoprod(["render", release, "--format", "xlsx", "--answers", answers, "--output", grid])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        let imported = try runEcoprod(["import", grid])
        let migrated = try runEcoprod(["migrate", answers, "--to", "1.1.0"])
        #expect(try JSONParser().parse(imported.stdoutBytes) == JSONParser().parse(migrated.stdoutBytes))
    }

    @Test func aFileThatIsNotAWorkbookIsRefusedWithItsCode() throws {
        let folder = try temporaryFolder("ecoprod-grid")
        let fake = folder.appendingPathComponent("grid.xlsx")
        try Data("id,status\nA1,met\n".utf8).write(to: fake)
        let result = try runEcoprod(["import", fake.path, "--diagnostics-format", "json"])
        #expect(result.status == 1)
        let diagnostics = try JSONParser().parse(result.stdoutBytes)["diagnostics"]?.arrayValue ?? []
        #expect(diagnostics.first?["code"] == "X101")
    }

    @Test func anEncryptedWorkbookIsRefusedThroughEveryCommand() throws {
        let folder = try temporaryFolder("ecoprod-grid")
        let locked = folder.appendingPathComponent("locked.xlsx")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: locked)
        for arguments in [
            ["import", locked.path], ["score", locked.path], ["migrate", locked.path, "--to", "1.1.0"],
        ] {
            let result = try runEcoprod(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(
                result.stderr.contains("error[X102]") && result.stderr.contains("remove the password"),
                "\(arguments): \(result.stderr)")
        }
    }

    @Test func gridLimitsAreFlags() throws {
        let folder = try temporaryFolder("ecoprod-grid")
        let grid = folder.appendingPathComponent("grid.xlsx").path
        #expect(try runEcoprod(["render", release, "--format", "xlsx", "--output", grid]).status == 0)
        let small = try runEcoprod(["import", grid, "--max-uncompressed-bytes", "1000"])
        #expect(small.status == 1)
        #expect(small.stderr.contains("error[X103]"))
        let tiny = try runEcoprod(["import", grid, "--max-grid-bytes", "100"])
        #expect(tiny.stderr.contains("error[X103]"))
        #expect(try runEcoprod(["import", grid, "--max-xml-depth", "0"]).status == 64)
    }

    /// Each limit flag reaches its own limit (the options are optional, their defaults applied
    /// in one place): a small value refuses the shipped grid naming that limit, and zero is a
    /// usage error naming the flag.
    @Test(arguments: [
        ("--max-grid-bytes", "100", "over the limit of 100"),
        ("--max-entries", "3", "more than 3 entries"),
        ("--max-uncompressed-bytes", "1000", "past 1000 bytes"),
        ("--max-xml-depth", "2", "deeper than 2 levels"),
        ("--max-compression-ratio", "0", "--max-compression-ratio must be a positive integer"),
    ])
    func eachGridLimitFlagReachesItsLimit(_ flag: String, _ value: String, _ message: String) throws {
        let folder = try temporaryFolder("ecoprod-grid")
        let grid = folder.appendingPathComponent("grid.xlsx").path
        #expect(try runEcoprod(["render", release, "--format", "xlsx", "--output", grid]).status == 0)
        let refused = try runEcoprod(["import", grid, flag, value])
        #expect(refused.status == (value == "0" ? 64 : 1), "\(flag): \(refused.stderr)")
        #expect(refused.stderr.contains(message), "\(flag): \(refused.stderr)")
        let zero = try runEcoprod(["import", grid, flag, "0"])
        #expect(
            zero.status == 64 && zero.stderr.contains("\(flag) must be a positive integer"), "\(flag): \(zero.stderr)")
    }
}
