import EcoprodFramework
import Foundation
import TestSupport
import Testing

private let release = "Framework/releases/ecoprod-label-1.1.0.json"
private let example = "docs/examples/les-jours-verts.answers.json"

/// `render`, and the html formats of `diff` and `score`, through the real binary.
struct RenderCommandTests {
    @Test func renderWritesThePageAtomicallyAndNeverReplacesOtherContentSilently() throws {
        let folder = try temporaryFolder("ecoprod-render")
        let page = folder.appendingPathComponent("framework.html").path
        let first = try runEcoprod(["render", release, "--output", page])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("Wrote \(page)"))
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(
            html.hasPrefix("<!DOCTYPE html>") && html.contains("Signed intention note")
                && html.contains("Note d&#39;intention signée"))
        #expect(try runEcoprod(["render", release, "--output", page]).stderr.contains("Unchanged"))
        let english = try runEcoprod(["render", release, "--locale", "en", "--output", page])
        #expect(english.status == 1)
        #expect(english.stderr.contains("--force"))
        #expect(try String(contentsOfFile: page, encoding: .utf8) == html, "a refused write leaves the file as it was")
        #expect(try runEcoprod(["render", release, "--locale", "en", "--output", page, "--force"]).status == 0)
        #expect(try String(contentsOfFile: page, encoding: .utf8).contains("<html lang=\"en\" class=\"monolingual\">"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0 != "framework.html"
        }
        #expect(leftovers.isEmpty)
    }

    @Test func csvGoesToStdoutWithItsByteOrderMark() throws {
        let result = try runEcoprod(["render", release, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutBytes.starts(with: [0xEF, 0xBB, 0xBF] + Array("id,department,".utf8)))
        #expect(result.stdout.components(separatedBy: "\r\n").count - 1 == 81)
    }

    @Test func aSourceFolderRendersLikeItsBundle() throws {
        let fromSources = try runEcoprod(["render", "Framework", "--locale", "fr"])
        #expect(fromSources.status == 0, "\(fromSources.stderr)")
        #expect(fromSources.stdout.contains("Note d&#39;intention signée"))
    }

    @Test(arguments: [
        ["render", release, "--locale", "de"],
        ["render", release, "--format", "pdf"],
        ["score", example, "--jsonl", "--format", "html"],
        ["score", example, "--locale", "en", "--format", "json"],
        ["score", example, "--locale", "de"],
        ["diff", release, release, "--locale", "de"],
        ["diff", release, release, "--format", "html", "--locale", "it"],
    ])
    func misusedReportOptionsAreUsageErrors(_ arguments: [String]) throws {
        let result = try runEcoprod(arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test func aTamperedBundleIsNotRendered() throws {
        let folder = try temporaryFolder("ecoprod-render")
        let bundle = folder.appendingPathComponent("tampered.json")
        let text = try String(contentsOfFile: packageRoot.appendingPathComponent(release).path, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"points\": 4,", with: "\"points\": 5,").utf8).write(to: bundle)
        let result = try runEcoprod([
            "render", bundle.path, "--output", folder.appendingPathComponent("page.html").path,
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("digest"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("page.html").path))
    }

    @Test func aMissingBundleIsAClearError() throws {
        let result = try runEcoprod(["render", "no/such/bundle.json", "--format", "csv"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("no/such/bundle.json: error[F001]"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func aSourceFolderWithErrorsIsNotRendered() throws {
        let folder = try copyOfFramework()
        try edit(folder, "Framework/departments/A-production.yaml", "points: 4\n", "points: -3\n")
        let result = try runEcoprod(["render", "Framework", "--diagnostics-format", "json"], in: folder)
        #expect(result.status == 1)
        let codes = (try JSONParser().parse(result.stdoutBytes)["diagnostics"]?.arrayValue ?? []).compactMap {
            $0["code"]?.stringValue
        }
        #expect(!codes.isEmpty && codes.allSatisfy { $0 == "P401" }, "\(codes)")
    }

    @Test func scoreAndDiffRenderAsPages() throws {
        let score = try runEcoprod(["score", example, "--format", "html", "--locale", "en"])
        #expect(score.status == 0, "\(score.stderr)")
        #expect(score.stdout.contains("<h1>Les Jours Verts</h1>") && score.stdout.contains("Not eligible"))
        let diff = try runEcoprod(["diff", "Framework/releases/ecoprod-label-1.0.0.json", release, "--format", "html"])
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("commitment-phase") && diff.stdout.contains(">minor</span>"))
        #expect(diff.stdout.contains(">mineure</span>") && !diff.stdout.contains("scheme-added"))
    }
}
