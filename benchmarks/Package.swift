// swift-tools-version:6.1
// Benchmarks live in their own package (as swift-collections' Benchmarks/), so they
// never slow the main build or its tests. Run from the repository root:
//   swift run -c release --package-path benchmarks orlib
import PackageDescription

let package = Package(
    name: "EstateBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Estate", path: ".."),
    ],
    targets: [
        .target(name: "BenchmarkSupport", dependencies: [.product(name: "LocationModels", package: "Estate"),
                                                         .product(name: "Seeding", package: "Estate")]),
        .executableTarget(name: "orlib", dependencies: ["BenchmarkSupport", .product(name: "LocationModels", package: "Estate")]),
        .executableTarget(name: "targets", dependencies: ["BenchmarkSupport", .product(name: "LocationModels", package: "Estate")]),
        .executableTarget(name: "counties", dependencies: ["BenchmarkSupport", .product(name: "LocationModels", package: "Estate"),
                                                   .product(name: "Seeding", package: "Estate")]),
        .executableTarget(name: "oracle-export", dependencies: ["BenchmarkSupport", .product(name: "LocationModels", package: "Estate"),
                                                   .product(name: "Seeding", package: "Estate")]),
    ]
)
