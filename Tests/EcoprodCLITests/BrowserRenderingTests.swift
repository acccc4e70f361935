import EcoprodFramework
import Foundation
import TestSupport
import Testing

/// The headless Chromium to render with: `ECOPROD_CHROMIUM`, or the Debian package's binary.
private let chromium: String? = {
    if let path = ProcessInfo.processInfo.environment["ECOPROD_CHROMIUM"] { return path }
    return ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
}()

/// The flags every run shares: headless as root, no GPU or /dev/shm (small containers), its own
/// profile in `folder`, and a proxy that refuses every connection, so a page that fetched
/// anything would show it.
private func headlessArguments(profileIn folder: URL) -> [String] {
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
        "--proxy-server=127.0.0.1:9",
        "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
    ]
}

/// CI sets this so that a missing browser fails the run instead of skipping the test.
private let browserRequired = ProcessInfo.processInfo.environment["ECOPROD_REQUIRE_CHROMIUM"] == "1"

/// The three pages rendered by a real browser: a screenshot and an A4 print to PDF each,
/// without a crash. Checks the files' own structure: PNG signature and size, PDF header,
/// trailer, page count and A4 media box.
@Suite(
    .serialized, .enabled(if: chromium != nil || browserRequired, "needs headless Chromium (apt-get install chromium)"))
struct BrowserRenderingTests {
    struct Page: Sendable, CustomTestStringConvertible {
        var name: String
        var arguments: [String]
        var minimumPages: Int
        var testDescription: String { name }
    }

    static let pages: [Page] = [
        Page(
            name: "framework", arguments: ["render", "Framework/releases/ecoprod-label-1.1.0.json"], minimumPages: 10),
        Page(
            name: "score", arguments: ["score", "docs/examples/les-jours-verts.answers.json", "--format", "html"],
            minimumPages: 2),
        Page(
            name: "diff",
            arguments: [
                "diff", "Framework/releases/ecoprod-label-1.0.0.json", "Framework/releases/ecoprod-label-1.1.0.json",
                "--format", "html",
            ], minimumPages: 1),
        Page(
            name: "certificate",
            arguments: ["render", "docs/examples/audit/production.certificate.json", "--format", "html"],
            minimumPages: 1),
        Page(
            name: "stats",
            arguments: [
                "stats", "Tests/Conformance/ecoprod-label-1.2.0", "--format", "html", "--min-group", "1",
            ], minimumPages: 1),
        Page(
            name: "register",
            arguments: [
                "render", "docs/examples/register/site", "--verifier-key", "docs/examples/register/verifier.key",
            ], minimumPages: 1),
    ]

    @Test(arguments: pages)
    func pageRendersToAScreenshotAndAnA4PDF(_ page: Page) throws {
        let browser = try #require(chromium, "ECOPROD_REQUIRE_CHROMIUM=1 but no Chromium is installed")
        let folder = try temporaryFolder("ecoprod-browser")
        let html = folder.appendingPathComponent("\(page.name).html")
        let rendered = try runEcoprod(page.arguments + ["--output", html.path])
        try #require(rendered.status == 0, "\(rendered.stderr)")

        let png = folder.appendingPathComponent("\(page.name).png")
        let pdf = folder.appendingPathComponent("\(page.name).pdf")
        let common = headlessArguments(profileIn: folder)
        let shot = try ChildProcess(
            browser, common + ["--window-size=1280,1600", "--screenshot=\(png.path)", html.absoluteString]
        ).run(deadline: 180)
        #expect(
            shot.status == 0 && !shot.timedOut, "chromium: \(String(decoding: shot.stderr.suffix(600), as: UTF8.self))")
        let print = try ChildProcess(
            browser, common + ["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", html.absoluteString]
        ).run(deadline: 180)
        #expect(
            print.status == 0 && !print.timedOut,
            "chromium: \(String(decoding: print.stderr.suffix(600), as: UTF8.self))")

        let image = try #require(FileManager.default.contents(atPath: png.path), "no screenshot written")
        #expect(image.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let header = Array(image.prefix(24))
        #expect(
            header.count == 24 && Self.bigEndian(header[16..<20]) == 1280 && Self.bigEndian(header[20..<24]) == 1600)

        let document = try #require(FileManager.default.contents(atPath: pdf.path), "no PDF written")
        let text = String(decoding: document, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-"))
        #expect(text.hasSuffix("%%EOF\n") || text.hasSuffix("%%EOF"))
        let pages = text.components(separatedBy: "/Type /Page").dropFirst().filter { !$0.hasPrefix("s") }.count
        #expect(pages >= page.minimumPages, "\(pages) pages")
        // A4 is 210 × 297 mm: 595.3 × 841.9 points (Chromium rounds to device pixels).
        let box =
            text.components(separatedBy: "/MediaBox [").dropFirst().first?.prefix { $0 != "]" }.split(separator: " ")
            .compactMap { Double($0) } ?? []
        #expect(box.count == 4 && abs(box[2] - 595.3) < 1.5 && abs(box[3] - 841.9) < 1.5, "media box \(box)")
    }

    /// The page's script, run by the browser: a link's `?type=`, `?stage=` and `?locale=` preset
    /// the filter and the language, and exactly the matching criteria stay shown.
    @Test(arguments: [("advertising", "shoot"), ("documentary", "post-production"), ("music-video", "")])
    func theFilterShowsExactlyTheMatchingCriteria(_ type: String, _ stage: String) throws {
        let browser = try #require(chromium, "ECOPROD_REQUIRE_CHROMIUM=1 but no Chromium is installed")
        let folder = try temporaryFolder("ecoprod-browser")
        let html = folder.appendingPathComponent("framework.html")
        let release = "Framework/releases/ecoprod-label-1.1.0.json"
        try #require(try runEcoprod(["render", release, "--output", html.path]).status == 0)
        let address = html.absoluteString + "?type=\(type)&stage=\(stage)&locale=en"
        let run = try ChildProcess(browser, headlessArguments(profileIn: folder) + ["--dump-dom", address]).run(
            deadline: 180)
        #expect(run.status == 0 && !run.timedOut)
        let dom = String(decoding: run.stdout, as: UTF8.self)

        let bundle = try JSONParser().parse(Array(try Data(contentsOf: packageRoot.appendingPathComponent(release))))
        let criteria = bundle["criteria"]?.arrayValue ?? []
        let matching = criteria.filter { criterion in
            let types = criterion["applies_to"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let stages = criterion["stages"]?.arrayValue?.compactMap(\.stringValue) ?? []
            return types.contains(type) && (stage.isEmpty || stages.contains(stage))
        }
        #expect(matching.count > 0 && matching.count < criteria.count)
        #expect(dom.contains("<output id=\"filter-count\" aria-live=\"polite\">\(matching.count)</output>"))
        // The script adds the class after a row's own attributes; a section's comes with its own class.
        #expect(dom.components(separatedBy: "\" class=\"filtered-out\">").count - 1 == criteria.count - matching.count)
        #expect(
            dom.components(separatedBy: "<section class=\"department filtered-out\"").count - 1
                == Self.emptyDepartments(criteria, matching))
        #expect(dom.contains("<html lang=\"en\" class=\"bilingual only-en\">"))
        #expect(
            dom.contains("<form class=\"filters panel\" aria-label")
                && dom.contains("<nav class=\"locale-switch\" aria-label=\"Langue / Language\">"))
    }

    /// Departments with no matching criterion, which the filter hides as a whole.
    private static func emptyDepartments(_ criteria: [JSONValue], _ matching: [JSONValue]) -> Int {
        let all = Set(criteria.compactMap { $0["department"]?.stringValue })
        let kept = Set(matching.compactMap { $0["department"]?.stringValue })
        return all.subtracting(kept).count
    }

    private static func bigEndian(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 << 8 | Int($1) }
    }
}
