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
        // The solver layer and location models, for the nested benchmarks package.
        .library(name: "LocationModels", targets: ["LocationModels", "Optimisation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
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
        // A setjmp backstop around GLPK's fatal errors and its branch-and-cut callback (C only).
        .target(name: "CGLPKGuard", dependencies: ["CGLPK"]),
        // The MILP model and the safe GLPK layer; the only module that imports CGLPK.
        .target(name: "Optimisation", dependencies: ["CGLPK", "CGLPKGuard"]),
        // p-median, maximal covering and set covering as library API over Optimisation.
        .target(name: "LocationModels", dependencies: ["Optimisation"]),
        .testTarget(name: "OptimisationTests", dependencies: ["Optimisation", "CGLPKGuard"]),
        .testTarget(name: "LocationModelsTests", dependencies: ["LocationModels", "Optimisation"]),
    ]
)
