// swift-tools-version:6.0
// libFuzzer targets. Build and run with Fuzz/run.sh; see the README's "Fuzzing".
import Foundation
import PackageDescription

/// A local package's identity is its folder's name, which is whatever the checkout is called.
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "EcoprodFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        // libFuzzer's driver entry, shared by every target.
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "YAMLReaderFuzzer",
            dependencies: ["FuzzDriver", .product(name: "StrictYAML", package: root)],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "LanguageServerFuzzer",
            dependencies: [
                "FuzzDriver", .product(name: "EcoprodLanguageServer", package: root),
                .product(name: "EcoprodCompiler", package: root), .product(name: "EcoprodFramework", package: root),
                .product(name: "EcoprodLSP", package: root),
            ],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "FramingFuzzer",
            dependencies: ["FuzzDriver", .product(name: "EcoprodLSP", package: root)],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "SignatureFuzzer",
            dependencies: ["FuzzDriver", .product(name: "EcoprodFramework", package: root)],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "GridFuzzer",
            dependencies: ["FuzzDriver", .product(name: "EcoprodGrid", package: root)],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "DocumentsFuzzer",
            dependencies: ["FuzzDriver", .product(name: "EcoprodFramework", package: root)],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "AnswersFuzzer",
            dependencies: ["FuzzDriver", .product(name: "EcoprodFramework", package: root)],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
