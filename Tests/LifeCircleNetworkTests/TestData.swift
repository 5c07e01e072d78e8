import Foundation
import LifeCircleGeometry
import LifeCircleInput
import LifeCircleNetwork

/// The repository's GeoData folder, found from this file's path.
let geoData = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("GeoData")

func dataPath(_ relative: String) -> String { geoData.appendingPathComponent(relative).path }

/// A centreline layer built in memory, in UTM zone 50N: each road a polyline of (x, y) metres with
/// an optional class.
func roads(_ lines: [(points: [(Double, Double)], roadClass: String?)]) -> InputLayer {
    let features = lines.enumerated().map { i, line in
        InputFeature(index: i, id: "r\(i)",
                     geometry: .lineString(LineString(line.points.map { Coordinate(x: $0.0, y: $0.1) })),
                     attributes: line.roadClass.map { ["class": .string($0)] } ?? [:])
    }
    let crs = CRSChoice(declared: "EPSG:32650", source: .epsg(32650), sourceBasis: "built by the test",
                        metric: .epsg(32650), metricReason: "built by the test")
    return InputLayer(source: "test", layer: "roads", crs: crs, features: features)
}

func roads(_ lines: [[(Double, Double)]]) -> InputLayer {
    roads(lines.map { (points: $0, roadClass: nil) })
}

func points(_ xy: [(Double, Double)]) -> [Coordinate] { xy.map { Coordinate(x: $0.0, y: $0.1) } }

/// The node at `xy`, which must exist.
func node(_ graph: StreetGraph, _ xy: (Double, Double)) -> Int {
    graph.nodes.firstIndex(of: Coordinate(x: xy.0, y: xy.1))!
}
