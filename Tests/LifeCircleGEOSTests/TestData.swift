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

