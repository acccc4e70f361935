// swift-tools-version:6.0
// Benchmarks against the floor: `swift run -c release --package-path Benchmarks`.
import PackageDescription

let package = Package(
    name: "EcoprodBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "EcoprodBenchmarks",
            dependencies: [
                .product(name: "StrictYAML", package: "main"),
                .product(name: "EcoprodCompiler", package: "main"),
                .product(name: "EcoprodFramework", package: "main"),
            ]
        )
    ]
)
