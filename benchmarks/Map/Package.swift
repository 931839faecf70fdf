// swift-tools-version:6.1
// The estate map benchmark: page sizes and headless-Chromium render times for a Kent-size
// and a 35,000-area map, with centroids only and with England-scale area outlines. A package of its own so it never slows the main build or its tests.
// Run: swift run -c release --package-path benchmarks/Map
import PackageDescription

let package = Package(
    name: "MapBenchmark",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Estate", path: "../..")],
    targets: [
        .executableTarget(
            name: "MapBenchmark",
            // Estate for `Boundary`, the areas' outlines of the England-scale polygon map; Seeding
            // for the seeded generator the tests use too; SyntheticMapData for the Kent-shaped
            // estate the map tests draw.
            dependencies: [.product(name: "EstateMap", package: "Estate"), .product(name: "Estate", package: "Estate"),
                           .product(name: "Seeding", package: "Estate"), .product(name: "SyntheticMapData", package: "Estate")]
        ),
    ]
)
