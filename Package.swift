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
        .library(name: "Estate", targets: ["Estate"]),
        .library(name: "EstateIO", targets: ["EstateIO"]),
        .library(name: "EstateSynth", targets: ["EstateSynth"]),
        // The one seeded generator (SplitMix64), for the tests and the benchmark packages.
        .library(name: "Seeding", targets: ["Seeding"]),
        // The estate map and equality tables over plain data (used by benchmarks/Map too).
        .library(name: "EstateMap", targets: ["EstateMap"]),
        // A Kent-shaped synthetic estate as map data, for the map tests and benchmarks/Map.
        .library(name: "SyntheticMapData", targets: ["SyntheticMapData"]),
        // The solver layer and location models, for the nested benchmarks package.
        .library(name: "LocationModels", targets: ["LocationModels", "Optimisation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        // Zip container of the .xlsx workbooks (the sheets themselves are written as XML text).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // GLPK's C API, linked from Debian's libglpk-dev (no pkg-config file there).
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        .executableTarget(
            name: "estate",
            dependencies: [
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                "Estate", "EstateIO", "EstateSynth", "Planning", "Reports",
                "Batch", "BatchPlanning",
            ]
        ),
        // A setjmp backstop around GLPK's fatal errors and its branch-and-cut callback (C only).
        .target(name: "CGLPKGuard", dependencies: ["CGLPK"]),
        // The MILP model and the safe GLPK layer; the only module that imports CGLPK.
        .target(name: "Optimisation", dependencies: ["CGLPK", "CGLPKGuard"]),
        // p-median, maximal covering and set covering as library API over Optimisation.
        .target(name: "LocationModels", dependencies: ["Optimisation"]),
        .testTarget(name: "OptimisationTests", dependencies: ["Optimisation", "CGLPKGuard", "TestSupport"]),
        // The precision of every figure written to a table (money, shares, minutes, ...): one rule.
        .target(name: "Quantities"),
        // How text is escaped into XML and HTML (maps, reports, plots, workbook sheets): one rule.
        .target(name: "XMLText"),
        // .xlsx workbooks: sheets of numbers with formats and frozen headers, zipped by ZIPFoundation.
        .target(name: "Workbook", dependencies: ["Quantities", "XMLText", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The domain: datasets, travel times, scenarios, the needs framework. No file I/O.
        .target(name: "Estate"),
        // YAML parsing with size, depth, key and alias-expansion limits checked before Yams composes.
        .target(name: "BoundedYAML", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Reading and writing datasets and scenarios (CSV, YAML/JSON) with validation.
        .target(
            name: "EstateIO",
            // GRDB (already built for Batch's results database) reads GeoPackage boundaries: a GeoPackage is SQLite.
            dependencies: ["Estate", "BoundedYAML", "Quantities", .product(name: "Yams", package: "Yams"),
                           .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // SplitMix64, the one seeded generator: depends on nothing, so every layer's tests and benchmarks can use it.
        .target(name: "Seeding"),
        // Seeded generators: the default Kent dataset and large synthetic instances.
        .target(name: "EstateSynth", dependencies: ["Estate", "Seeding"]),
        .testTarget(name: "EstateTests", dependencies: ["Estate"]),
        // Planning and Reports: a dataset read through a manifest must plan exactly as its plain folder.
        .testTarget(name: "EstateIOTests", dependencies: ["Estate", "EstateIO", "EstateSynth", "Planning", "Reports", "BoundedYAML",
                                                         .product(name: "GRDB", package: "GRDB.swift")]),
        // The planning model: exact reductions, the MILP, decoding, infeasibility explanations.
        .target(name: "Planning", dependencies: ["Estate", "Optimisation", "LocationModels", "Quantities"]),
        .testTarget(name: "PlanningTests", dependencies: ["Planning", "Estate", "EstateIO", "Optimisation", "TestSupport"]),
        // A plan's tables, summary, GeoJSON and output folder.
        // GRDB writes the plan's GeoPackage (estate.gpkg), which is SQLite.
        .target(name: "Reports", dependencies: ["Estate", "EstateIO", "EstateMap", "Planning", "Quantities", "Workbook", "XMLText",
                                                .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Planning", "Estate", "Quantities"]),
        // End-to-end tests that run the built `estate` binary as a user would.
        // Also the cluster recipes in deploy/: Slurm on real daemons, the Kubernetes manifest read with Yams.
        .testTarget(name: "EstateCLITests", dependencies: ["estate", "EstateMap", "TestSupport", .product(name: "Yams", package: "Yams")]),
        // Scenario batches: expansion, sharding, the results database, the parallel
        // runner and Pareto frontiers. Of the domain it knows only the scenario tree
        // (Estate's ScenarioNode, read by EstateIO's scenario reader), in which it sets
        // overrides, and the formatting rule: the CLI hands it the planner as a closure.
        .target(
            name: "Batch",
            dependencies: [
                "Estate", "EstateIO", "Quantities", "BoundedYAML", "Workbook", "XMLText",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // Test-only stand-in for `estate batch`, run as separate processes by BatchTests
        // (shards, kill -9 and resume) with a brute-force solver in place of the planner.
        .executableTarget(
            name: "batch-fixture",
            dependencies: ["Batch", "Estate", .product(name: "Yams", package: "Yams")],
            path: "Tests/BatchFixture"
        ),
        .testTarget(
            name: "BatchTests",
            dependencies: [
                "Batch",
                "Estate",
                "Quantities",
                "batch-fixture",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // The estate map (SVG/HTML) and equality-impact tables over plain data; the domain only
        // for the deprivation ranking, which the planner's equality constraint shares.
        .target(name: "EstateMap", dependencies: ["Estate", "Quantities", "XMLText"]),
        // What several test targets share: headless Chromium and the test-artifacts folder.
        .target(name: "TestSupport", dependencies: ["Seeding"], path: "Tests/TestSupport"),
        .target(name: "SyntheticMapData", dependencies: ["Estate", "EstateMap", "Seeding"]),
        .testTarget(name: "EstateMapTests", dependencies: ["Estate", "EstateMap", "SyntheticMapData", "TestSupport"]),
        .testTarget(name: "LocationModelsTests", dependencies: ["LocationModels", "Optimisation", "TestSupport"]),
        // `estate compare`'s tables, read-back validation and difference maps, on hand-made plans.
        .testTarget(name: "ComparisonTests", dependencies: ["Reports", "EstateMap"]),
        // The planner as a batch's scenario solver (shared inputs, result rows, plan
        // folders) and Pareto frontiers traced with the planner.
        .target(name: "BatchPlanning", dependencies: ["Batch", "Estate", "EstateIO", "Optimisation", "Planning", "Quantities", "Reports",
                                                      "Workbook"]),
        .testTarget(name: "BatchPlanningTests",
                    dependencies: ["BatchPlanning", "Batch", "Estate", "EstateIO", "EstateSynth", "Planning", "Reports"]),
    ]
)
