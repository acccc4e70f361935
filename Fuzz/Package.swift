// swift-tools-version:6.0
// libFuzzer targets. Build and run with Fuzz/run.sh; see the README's "Fuzzing".
import PackageDescription

let package = Package(
    name: "EcoprodFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "YAMLReaderFuzzer",
            dependencies: [.product(name: "StrictYAML", package: "main")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "AnswersFuzzer",
            dependencies: [.product(name: "EcoprodFramework", package: "main")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
