// swift-tools-version:6.0
import PackageDescription

// The layers, bottom up (ARCHITECTURE.md draws them; Tests/Contract/imports.sh enforces them):
//   EcoprodFramework · StrictYAML (over CLibYAML) · EcoprodLSP        depend on nothing of ours
//   EcoprodReports                                                     renderers: values in, bytes out
//   EcoprodGrid · EcoprodWriters                                       the xlsx workbook; files on disk
//   EcoprodCompiler                                                    Framework/ sources -> model
//   EcoprodApplication · EcoprodLanguageServer                         the use cases; the editor's server
//   ecoprod                                                            the thin CLI
let package = Package(
    name: "ecoprod",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ecoprod", targets: ["ecoprod"]),
        // What a Swift scorer depends on: the model, the bundle codec and verification. No libyaml.
        .library(name: "EcoprodFramework", targets: ["EcoprodFramework"]),
        // Every renderer, for a scorer that prints reports: no libyaml, no zip, no file system.
        .library(name: "EcoprodReports", targets: ["EcoprodReports"]),
        // The xlsx grid, written and imported: still no libyaml.
        .library(name: "EcoprodGrid", targets: ["EcoprodGrid"]),
        .library(name: "EcoprodWriters", targets: ["EcoprodWriters"]),
        .library(name: "EcoprodCompiler", targets: ["EcoprodCompiler"]),
        .library(name: "EcoprodApplication", targets: ["EcoprodApplication"]),
        .library(name: "EcoprodLanguageServer", targets: ["EcoprodLanguageServer"]),
        .library(name: "EcoprodLSP", targets: ["EcoprodLSP"]),
        .library(name: "StrictYAML", targets: ["StrictYAML"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "StrictYAML", dependencies: ["CLibYAML"]),
        .target(
            name: "EcoprodFramework",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "EcoprodReports", dependencies: ["EcoprodFramework"]),
        // An xlsx workbook is a zip package (ZIPFoundation, over zlib).
        .target(
            name: "EcoprodGrid",
            dependencies: [
                "EcoprodFramework", "EcoprodReports", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(name: "EcoprodWriters", dependencies: ["EcoprodFramework", "EcoprodReports"]),
        // The LSP base protocol and its messages; it depends on nothing of ours.
        .target(name: "EcoprodLSP"),
        .target(name: "EcoprodCompiler", dependencies: ["StrictYAML", "EcoprodReports", "EcoprodFramework"]),
        .target(
            name: "EcoprodApplication",
            dependencies: [
                "EcoprodCompiler", "EcoprodGrid", "EcoprodWriters", "EcoprodReports", "EcoprodFramework", "StrictYAML",
            ]
        ),
        .target(
            name: "EcoprodLanguageServer",
            dependencies: ["EcoprodCompiler", "StrictYAML", "EcoprodFramework", "EcoprodLSP"]
        ),
        .executableTarget(
            name: "ecoprod",
            dependencies: [
                "EcoprodApplication", "EcoprodLanguageServer", "EcoprodCompiler", "EcoprodGrid", "EcoprodWriters",
                "EcoprodReports", "EcoprodFramework",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by the test targets: the repository root, a seeded generator, workspaces,
        // golden files.
        .target(name: "TestSupport", dependencies: ["EcoprodFramework"], path: "Tests/TestSupport"),
        // The shipped framework's sources and their in-memory evolutions, for the tests that need a next version.
        .target(
            name: "FrameworkFixtures", dependencies: ["EcoprodCompiler", "EcoprodFramework", "TestSupport"],
            path: "Tests/FrameworkFixtures"
        ),
        .testTarget(name: "StrictYAMLTests", dependencies: ["StrictYAML"]),
        .testTarget(name: "EcoprodFrameworkTests", dependencies: ["EcoprodFramework", "TestSupport"]),
        .testTarget(
            name: "EcoprodReportsTests",
            dependencies: ["EcoprodReports", "EcoprodCompiler", "EcoprodFramework", "FrameworkFixtures", "TestSupport"]
        ),
        .testTarget(
            name: "EcoprodGridTests",
            dependencies: ["EcoprodGrid", "EcoprodReports", "EcoprodFramework", "FrameworkFixtures", "TestSupport"]
        ),
        .testTarget(name: "EcoprodWritersTests", dependencies: ["EcoprodWriters", "EcoprodFramework", "TestSupport"]),
        .testTarget(name: "EcoprodLSPTests", dependencies: ["EcoprodLSP"]),
        .testTarget(
            name: "EcoprodCompilerTests",
            dependencies: [
                "EcoprodCompiler", "EcoprodReports", "EcoprodFramework", "FrameworkFixtures", "TestSupport",
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "EcoprodApplicationTests",
            dependencies: [
                "EcoprodApplication", "EcoprodCompiler", "EcoprodWriters", "EcoprodReports", "EcoprodFramework",
                "TestSupport",
            ]
        ),
        .testTarget(
            name: "EcoprodLanguageServerTests",
            dependencies: ["EcoprodLanguageServer", "EcoprodLSP", "EcoprodFramework", "TestSupport"]
        ),
        .testTarget(
            name: "EcoprodCLITests",
            dependencies: ["EcoprodFramework", "TestSupport", "ecoprod"]
        ),
    ]
)
