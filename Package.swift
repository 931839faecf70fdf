// swift-tools-version:6.1
// Estate: a needs-framework estate optimisation engine.
// Module layout follows ../shared/STYLE.md: the raw GLPK binding (CGLPK) is
// imported only by Optimisation; the domain, I/O, reports and CLI sit above it.
import PackageDescription

let package = Package(
    name: "Estate",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "estate", targets: ["estate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // GLPK's C API, linked from Debian's libglpk-dev (no pkg-config file there).
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        .executableTarget(
            name: "estate",
            dependencies: [
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Scenario batches: expansion, sharding, the results database, the parallel
        // runner and Pareto frontiers. Depends on no other Estate module: the CLI
        // hands it the planner as a closure.
        .target(
            name: "Batch",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // Test-only stand-in for `estate batch`, run as separate processes by BatchTests
        // (shards, kill -9 and resume) with a brute-force solver in place of the planner.
        .executableTarget(
            name: "batch-fixture",
            dependencies: ["Batch"],
            path: "Tests/BatchFixture"
        ),
        .testTarget(
            name: "BatchTests",
            dependencies: [
                "Batch",
                "batch-fixture",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ]
)
