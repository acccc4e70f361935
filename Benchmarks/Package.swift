// swift-tools-version:6.0
// Benchmarks against the floor: `swift run -c release --package-path Benchmarks`.
import Foundation
import PackageDescription

/// A local package's identity is its folder's name, which is whatever the checkout is called.
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "EcoprodBenchmarks",
    platforms: [.macOS(.v13)],
    // ZIPFoundation directly, only for the grid's floor: zipping and unzipping the same parts.
    dependencies: [.package(path: ".."), .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20")],
    targets: [
        .executableTarget(
            name: "EcoprodBenchmarks",
            dependencies: [
                .product(name: "StrictYAML", package: root),
                .product(name: "EcoprodCompiler", package: root),
                .product(name: "EcoprodReports", package: root),
                .product(name: "EcoprodGrid", package: root),
                .product(name: "EcoprodLanguageServer", package: root),
                .product(name: "EcoprodFramework", package: root),
                .product(name: "EcoprodLSP", package: root),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        )
    ]
)
