// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ecoprod",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ecoprod", targets: ["ecoprod"]),
        // What a Swift scorer depends on: the model, the bundle codec and verification. No libyaml.
        .library(name: "EcoprodFramework", targets: ["EcoprodFramework"]),
        // Every renderer, for a scorer that prints reports: still no libyaml.
        .library(name: "EcoprodReports", targets: ["EcoprodReports"]),
        .library(name: "EcoprodCompiler", targets: ["EcoprodCompiler"]),
        .library(name: "LanguageServerProtocol", targets: ["LanguageServerProtocol"]),
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
        // Reports, and the grid: an xlsx workbook is a zip package (ZIPFoundation, over zlib).
        .target(name: "EcoprodReports", dependencies: ["EcoprodFramework", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The LSP base protocol (framing); it depends on nothing of ours.
        .target(name: "LanguageServerProtocol"),
        .target(name: "EcoprodCompiler", dependencies: ["StrictYAML", "EcoprodReports", "EcoprodFramework", "LanguageServerProtocol"]),
        .executableTarget(
            name: "ecoprod",
            dependencies: [
                "EcoprodCompiler", "EcoprodReports", "EcoprodFramework",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by the test targets: the repository root, a seeded generator, workspaces.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "StrictYAMLTests", dependencies: ["StrictYAML"]),
        .testTarget(name: "EcoprodFrameworkTests", dependencies: ["EcoprodFramework", "TestSupport"]),
        .testTarget(
            name: "EcoprodCompilerTests",
            dependencies: ["EcoprodCompiler", "EcoprodReports", "EcoprodFramework", "LanguageServerProtocol", "TestSupport"],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(
            name: "EcoprodCLITests",
            dependencies: ["EcoprodFramework", "TestSupport", "ecoprod"]
        ),
    ]
)
