// swift-tools-version: 6.0
// LifeCircle: elderly-care facility compliance, coverage and siting on real geographic data.
import PackageDescription

/// C libraries from Debian's packages (see Scripts/setup.sh), each behind a module map and a shim header.
func systemLibrary(_ name: String, pkgConfig: String, apt: String) -> Target {
    .systemLibrary(name: name, pkgConfig: pkgConfig, providers: [.apt([apt])])
}

let package = Package(
    name: "LifeCircle",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lifecircle", targets: ["LifeCircleCLI"]),
        .executable(name: "lifecircle-bench", targets: ["LifeCircleBench"]),
        .library(name: "LifeCircle", targets: [
            "LifeCircleGeometry", "LifeCircleGEOS", "LifeCircleCRS", "LifeCircleIO", "LifeCircleInput",
        ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        systemLibrary("CGEOS", pkgConfig: "geos", apt: "libgeos-dev"),
        systemLibrary("CPROJ", pkgConfig: "proj", apt: "libproj-dev"),
        systemLibrary("CGDAL", pkgConfig: "gdal", apt: "libgdal-dev"),

        // Value types: geometries, envelopes, GeoJSON. No C.
        .target(name: "LifeCircleGeometry"),
        // The one module that talks to GEOS.
        .target(name: "LifeCircleGEOS", dependencies: ["CGEOS", "LifeCircleGeometry"]),
        // The one module that talks to PROJ; also GCJ-02 / BD-09.
        .target(name: "LifeCircleCRS", dependencies: ["CPROJ", "LifeCircleGeometry"]),
        // The one module that talks to GDAL/OGR: readers, writers, encodings, field aliases.
        .target(name: "LifeCircleIO", dependencies: ["CGDAL", "LifeCircleGeometry"]),
        // Inputs made ready for analysis: read, map fields, transform, validate, ledger; `inspect`.
        .target(name: "LifeCircleInput", dependencies: [
            "LifeCircleGeometry", "LifeCircleGEOS", "LifeCircleCRS", "LifeCircleIO",
        ]),

        .executableTarget(name: "LifeCircleCLI", dependencies: [
            "LifeCircleInput",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Benchmark cases, each run against its Python/C peer by Scripts/bench.sh.
        .executableTarget(name: "LifeCircleBench", dependencies: ["LifeCircleGEOS", "LifeCircleIO"]),

        .testTarget(name: "LifeCircleGEOSTests", dependencies: ["LifeCircleGEOS"]),
        .testTarget(name: "LifeCircleCRSTests", dependencies: ["LifeCircleCRS"]),
        .testTarget(name: "LifeCircleIOTests", dependencies: ["LifeCircleIO"]),
        .testTarget(name: "LifeCircleInputTests", dependencies: ["LifeCircleInput"]),
    ],
    swiftLanguageModes: [.v6]
)
