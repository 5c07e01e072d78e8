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
        .executable(name: "lifecircle-fuzz", targets: ["LifeCircleFuzz"]),
        .library(name: "LifeCircle", targets: [
            "LifeCircleGeometry", "LifeCircleWorkers", "LifeCircleGEOS", "LifeCircleCRS", "LifeCircleIO", "LifeCircleInput",
            "LifeCircleOutput", "LifeCircleNorms", "LifeCircleReport", "LifeCircleCompliance", "LifeCircleCoverage",
            "LifeCircleNetwork", "LifeCircleSiting", "LifeCircleRuns",
        ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        systemLibrary("CGEOS", pkgConfig: "geos", apt: "libgeos-dev"),
        systemLibrary("CPROJ", pkgConfig: "proj", apt: "libproj-dev"),
        systemLibrary("CGDAL", pkgConfig: "gdal", apt: "libgdal-dev"),
        systemLibrary("CCBC", pkgConfig: "cbc", apt: "coinor-libcbc-dev"),

        // Value types: geometries, envelopes, GeoJSON. No C.
        .target(name: "LifeCircleGeometry"),
        // Index ranges split over worker threads: the one concurrency mechanism. No C.
        .target(name: "LifeCircleWorkers"),
        // The one module that talks to GEOS.
        .target(name: "LifeCircleGEOS", dependencies: ["CGEOS", "LifeCircleGeometry", "LifeCircleWorkers"]),
        // The one module that talks to PROJ; also GCJ-02 / BD-09.
        .target(name: "LifeCircleCRS", dependencies: ["CPROJ", "LifeCircleGeometry"]),
        // The one module that talks to GDAL/OGR: readers, writers, encodings, field aliases.
        .target(name: "LifeCircleIO", dependencies: ["CGDAL", "LifeCircleGeometry", "LifeCircleWorkers"]),
        // Inputs made ready for analysis: read, map fields, transform, validate, ledger; `inspect`.
        .target(name: "LifeCircleInput", dependencies: [
            "LifeCircleGeometry", "LifeCircleGEOS", "LifeCircleCRS", "LifeCircleIO", "LifeCircleWorkers",
        ]),
        // Rule packs: the planning norms of a jurisdiction, read from GeoData/rules/*.yaml.
        .target(name: "LifeCircleNorms", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Output files written as streams of bytes, serialised on every core: JSON (any Encodable),
        // GeoJSON, CSV; each file replaced whole or not at all. No C.
        .target(name: "LifeCircleOutput", dependencies: [
            "LifeCircleGeometry", "LifeCircleIO", "LifeCircleCRS", "LifeCircleWorkers", "LifeCircleReport",
        ]),
        // Self-contained HTML reports with SVG maps, in Chinese or English. No C.
        .target(name: "LifeCircleReport", dependencies: ["LifeCircleGeometry"]),
        // The compliance check: districts and facilities against a rule pack; its outputs and report.
        .target(name: "LifeCircleCompliance", dependencies: [
            "LifeCircleInput", "LifeCircleNorms", "LifeCircleReport", "LifeCircleGEOS", "LifeCircleCRS", "LifeCircleIO",
            "LifeCircleOutput", "LifeCircleWorkers",
        ]),

        // Coverage: demand units' access to facilities (network or straight line) against targets.
        .target(name: "LifeCircleCoverage", dependencies: [
            "LifeCircleInput", "LifeCircleNorms", "LifeCircleReport", "LifeCircleGEOS", "LifeCircleIO", "LifeCircleNetwork",
            "LifeCircleOutput", "LifeCircleWorkers",
        ]),

        // The street network: graph from OSM or centrelines, profiles, snapping, reusable Dijkstra searches.
        .target(name: "LifeCircleNetwork", dependencies: [
            "LifeCircleGeometry", "LifeCircleGEOS", "LifeCircleCRS", "LifeCircleIO", "LifeCircleInput", "LifeCircleWorkers",
        ]),

        // Siting: where new facilities close the coverage gap; the one module that talks to CBC.
        .target(name: "LifeCircleSiting", dependencies: [
            "CCBC", "LifeCircleCoverage", "LifeCircleInput", "LifeCircleNorms", "LifeCircleReport", "LifeCircleGEOS",
            "LifeCircleIO", "LifeCircleOutput",
        ]),

        // The commands as library calls (load → analyse → write), shared by the CLI, tests and the
        // web service to come; progress goes to whoever asks.
        .target(name: "LifeCircleRuns", dependencies: [
            "LifeCircleCRS", "LifeCircleIO", "LifeCircleInput", "LifeCircleNorms", "LifeCircleReport", "LifeCircleOutput",
            "LifeCircleCompliance", "LifeCircleCoverage", "LifeCircleNetwork", "LifeCircleSiting", "LifeCircleGeometry",
        ]),

        .executableTarget(name: "LifeCircleCLI", dependencies: [
            "LifeCircleInput", "LifeCircleNorms", "LifeCircleCompliance", "LifeCircleCoverage", "LifeCircleSiting",
            "LifeCircleOutput", "LifeCircleRuns", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Benchmark cases, each run against its Python/C peer by Scripts/bench.sh.
        .executableTarget(name: "LifeCircleBench", dependencies: [
            "LifeCircleGEOS", "LifeCircleIO", "LifeCircleCompliance", "LifeCircleInput", "LifeCircleNorms", "LifeCircleSiting",
            "LifeCircleNetwork", "LifeCircleWorkers", "LifeCircleCRS",
        ]),

        // Fuzzing harness of the parsers that take a user's bytes (Scripts/fuzz.sh builds it with
        // libFuzzer; a plain build replays inputs).
        .executableTarget(name: "LifeCircleFuzz", dependencies: [
            "LifeCircleCRS", "LifeCircleGeometry", "LifeCircleIO", "LifeCircleInput", "LifeCircleNorms",
        ]),

        // What several test targets share (a seeded generator), not a test target itself.
        .target(name: "LifeCircleTestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "LifeCircleGeometryTests", dependencies: ["LifeCircleGeometry"]),
        .testTarget(name: "LifeCircleGEOSTests", dependencies: ["LifeCircleGEOS", "LifeCircleTestSupport"]),
        .testTarget(name: "LifeCircleCRSTests", dependencies: ["LifeCircleCRS"]),
        .testTarget(name: "LifeCircleIOTests", dependencies: ["LifeCircleIO"]),
        .testTarget(name: "LifeCircleOutputTests", dependencies: ["LifeCircleOutput", "LifeCircleIO"]),
        .testTarget(name: "LifeCircleInputTests", dependencies: ["LifeCircleInput"]),
        .testTarget(name: "LifeCircleNormsTests", dependencies: ["LifeCircleNorms"]),
        .testTarget(name: "LifeCircleReportTests", dependencies: ["LifeCircleReport"]),
        .testTarget(name: "LifeCircleComplianceTests", dependencies: ["LifeCircleCompliance"]),
        .testTarget(name: "LifeCircleCoverageTests", dependencies: ["LifeCircleCoverage", "LifeCircleTestSupport"]),
        .testTarget(name: "LifeCircleSitingTests", dependencies: ["LifeCircleSiting", "LifeCircleTestSupport"]),
        .testTarget(name: "LifeCircleRunsTests", dependencies: ["LifeCircleRuns"]),
        .testTarget(name: "LifeCircleNetworkTests", dependencies: ["LifeCircleNetwork", "LifeCircleTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
