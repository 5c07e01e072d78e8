import Foundation
import LifeCircleGeometry

/// The repository's GeoData folder, found from this file's path.
let geoData = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("GeoData")

func loadFeatures(_ relativePath: String) throws -> [Feature] {
    let data = try Data(contentsOf: geoData.appendingPathComponent(relativePath))
    return try JSONDecoder().decode(FeatureCollection.self, from: data).features
}

/// A small seeded generator (SplitMix64), so random test inputs are the same on every run.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
