// swift-tools-version:6.1
// A libFuzzer harness over Estate's input readers, in its own package so that its sanitizer
// build never touches the main build or CI. Run with benchmarks/fuzz/run (see docs/safety.md).
import PackageDescription

let package = Package(
    name: "EstateFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Estate", path: "../.."),
    ],
    targets: [
        // libFuzzer supplies `main`; the harness is a library-style file with the C entry point.
        .executableTarget(
            name: "estate-fuzz",
            dependencies: [.product(name: "EstateIO", package: "Estate"), .product(name: "Estate", package: "Estate")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
