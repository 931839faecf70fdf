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
        // The estate map and equality tables over plain data (used by benchmarks/Map too).
        .library(name: "EstateMap", targets: ["EstateMap"]),
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
        // The estate map (SVG/HTML) and equality-impact tables: Foundation only, plain data in.
        .target(name: "EstateMap"),
        .testTarget(name: "EstateMapTests", dependencies: ["EstateMap"]),
    ]
)
