// swift-tools-version:6.1
// Benchmarks for datasets and the needs framework (issue 3), kept apart from the main
// package so they never slow its build or tests. Run from the repository root:
//   swift run -c release --package-path benchmarks/Data estate-data-bench [kent|england|travel|boundaries|all]
import PackageDescription

let package = Package(
    name: "EstateDataBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Estate", path: "../.."),
        // The CSV library measured against the hand-written travel.csv reader.
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        .executableTarget(
            name: "estate-data-bench",
            dependencies: [.product(name: "Estate", package: "Estate"), .product(name: "EstateIO", package: "Estate"),
                           .product(name: "EstateSynth", package: "Estate"), .product(name: "CSV", package: "CSV.swift")]
        ),
    ]
)
