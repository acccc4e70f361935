// swift-tools-version:6.0
// Benchmarks against the floor: `swift run -c release --package-path Benchmarks`.
import Foundation
import PackageDescription

/// A local package's identity is its folder's name, which is whatever the checkout is called.
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "EcoprodBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "EcoprodBenchmarks",
            dependencies: [
                .product(name: "StrictYAML", package: root),
                .product(name: "EcoprodCompiler", package: root),
                .product(name: "EcoprodReports", package: root),
                .product(name: "EcoprodFramework", package: root),
                .product(name: "LanguageServerProtocol", package: root),
            ]
        )
    ]
)
