import LifeCircleGEOS
import LifeCircleGeometry

/// Where a point joins the network: the nearest point of the nearest edge.
public struct EdgeSnap: Hashable, Sendable {
    public var edge: Int32
    /// Metres along the edge's polyline from `edgeFrom[edge]` to the joining point.
    public var along: Double
    /// Metres of the straight leg from the point to the joining point.
    public var leg: Double
    /// The joining point on the edge.
    public var point: Coordinate

    public init(edge: Int32, along: Double, leg: Double, point: Coordinate) {
        self.edge = edge
        self.along = along
        self.leg = leg
        self.point = point
    }
}

/// A point on the network, or off it.
public enum SnapResult: Hashable, Sendable {
    case snapped(EdgeSnap)
    /// Farther than the maximum snap distance from every edge; `distance` is to the nearest one.
    case offNetwork(distance: Double)

    public var snap: EdgeSnap? {
        if case .snapped(let snap) = self { snap } else { nil }
    }
}

/// Joins points (facilities, demand units) to a `StreetGraph` at the nearest point of the nearest
/// edge, found by GEOS over the edges' polylines. Points farther than `maxDistance` are reported
/// off the network, never snapped. Build once per graph; `snap` may be called from many threads.
public final class NetworkSnapper: Sendable {
    public let graph: StreetGraph
    /// Metres; 500 by default.
    public let maxDistance: Double
    private let index: NearestIndex

    public init(_ graph: StreetGraph, maxDistance: Double = 500) throws {
        self.graph = graph
        self.maxDistance = maxDistance
        var lines: [NativeGeometry] = []
        lines.reserveCapacity(graph.edgeCount)
        for e in 0..<graph.edgeCount { lines.append(try NativeGeometry(.lineString(LineString(Array(graph.polyline(of: e)))))) }
        index = try NearestIndex(lines)
    }

    /// Points in the graph's metric CRS, each snapped or off the network.
    public func snap(_ points: [Coordinate]) throws -> [SnapResult] {
        try index.nearest(to: points).map { hit throws -> SnapResult in
            guard let hit else { return .offNetwork(distance: .infinity) }
            guard hit.distance <= maxDistance else { return .offNetwork(distance: hit.distance) }
            // GEOS measures along the same polyline; the clamp absorbs rounding against our summed length.
            let along = try index.geometries[hit.index].project(hit.point)
            return .snapped(EdgeSnap(edge: Int32(hit.index), along: min(max(along, 0), graph.edgeLength[hit.index]),
                                     leg: hit.distance, point: hit.point))
        }
    }
}
