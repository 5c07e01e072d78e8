import LifeCircleCRS
import LifeCircleGeometry
import LifeCircleNetwork

/// The shipped OSM extracts, each with a few facility points (lon/lat) spread over it, shared by
/// the real-data tests and the networkx fixture export.
struct RealExtract: Sendable {
    let name: String
    let file: String
    let facilities: [Coordinate]

    static let helsinki = RealExtract(name: "helsinki", file: "osm/helsinki_2019.osm.pbf", facilities: [
        Coordinate(x: 24.9384, y: 60.1699), Coordinate(x: 24.9414, y: 60.1719), Coordinate(x: 24.9500, y: 60.1675),
        Coordinate(x: 24.9450, y: 60.1760), Coordinate(x: 24.9520, y: 60.1650),
    ])
    static let beijing = RealExtract(name: "beijing", file: "osm/beijing_haidian_wudaokou_2017.osm.pbf", facilities: [
        Coordinate(x: 116.3150, y: 39.9950), Coordinate(x: 116.3260, y: 40.0050), Coordinate(x: 116.3100, y: 40.0100),
        Coordinate(x: 116.3300, y: 39.9930),
    ])

    /// Built once per test run: the graph, and one walking pass from the facilities.
    struct Built: Sendable {
        let graph: StreetGraph
        let snapper: NetworkSnapper
        let facilities: [SnapResult]
        let times: NetworkTravelTimes
    }

    func build() throws -> Built {
        let graph = try StreetGraph(osm: dataPath(file))
        let snapper = try NetworkSnapper(graph)
        let projected = try CoordinateConverter(from: .wgs84, to: graph.metricCRS.crs).convert(self.facilities)
        let facilities = try snapper.snap(projected)
        return Built(graph: graph, snapper: snapper, facilities: facilities,
                     times: NetworkTravelTimes(graph: graph, profile: .walk, facilities: facilities))
    }

    static let builtHelsinki = Result { try helsinki.build() }
    static let builtBeijing = Result { try beijing.build() }
}
