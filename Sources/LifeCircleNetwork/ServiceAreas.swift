import LifeCircleGEOS
import LifeCircleIO
import LifeCircleGeometry

/// Service circles along the network: the streets reachable from one facility within a time,
/// partial edges included, widened by a half-width and merged into a polygon (holes kept).
///
/// The streets are widened on a grid (`GridBuffer`, GDAL), not by GEOS's exact buffer, whose cost
/// explodes on dense footways (2.5 s a circle on Helsinki's): the grid costs milliseconds, and its
/// staircase edges are smoothed (`GridOutline`) to within a quarter of a cell.
/// The polygons are for maps and for planners' GIS; coverage itself is decided by travel times,
/// never by testing points against these polygons.
public enum ServiceAreas {
    /// How service circles are drawn: `halfWidth` metres either side of each reachable street,
    /// traced on cells of `cell` metres (coarser for windows wider than `GridBuffer.maximumCells`).
    public struct Drawing: Hashable, Sendable {
        public var halfWidth: Double
        public var cell: Double

        public init(halfWidth: Double = 25, cell: Double = 5) {
            self.halfWidth = halfWidth
            self.cell = cell
        }
    }

    /// One polygon per facility (an empty collection for an off-network one).
    public static func polygons(_ searches: ParallelSearches, facilities: [SnapResult],
                                seconds limit: Double, drawing: Drawing = Drawing()) throws -> [Geometry] {
        try searches.map(facilities, cutoff: limit) { i, search in
            guard let snap = facilities[i].snap else { return .geometryCollection([]) }
            return try region(around: reachablePieces(search, [snap], limit), drawing)
        }
    }

    /// The merged coverage area: the streets reachable within `limit` of any facility (one
    /// multi-source search), widened as `drawing` says, traced city-wide in tiles
    /// (`GridBuffer.tiledRegion`) and left on the grid, so that the tiles join exactly.
    public static func merged(_ graph: StreetGraph, profile: TravelProfile, facilities: [SnapResult],
                              seconds limit: Double, drawing: Drawing = Drawing()) throws -> Geometry {
        let snaps = facilities.compactMap(\.snap)
        guard !snaps.isEmpty else { return .multiPolygon([]) }
        let search = NetworkSearch(graph: graph, profile: profile)
        search.run(from: facilities, cutoff: limit)
        return try GridBuffer.tiledRegion(around: reachablePieces(search, snaps, limit), distance: drawing.halfWidth,
                                          cell: drawing.cell).region
    }

    /// The streets `pieces` widened as `drawing` says, smoothed; an empty collection without pieces.
    static func region(around pieces: [[Coordinate]], _ drawing: Drawing) throws -> Geometry {
        guard !pieces.isEmpty else { return .geometryCollection([]) }
        let traced = try GridBuffer.region(around: pieces, distance: drawing.halfWidth, cell: drawing.cell)
        // Smoothing keeps the traced rings apart, so the polygons stay valid (the tests check it).
        return .multiPolygon(traced.region.polygons.map { GridOutline.smoothed($0, cell: traced.cell) })
    }

    /// The stretches of edge reachable within `limit` seconds of the facilities at `snaps`, edge by
    /// edge in ascending order, from `search`'s last run (from those facilities, within `limit`):
    /// only the edges at the nodes it reached can hold any.
    static func reachablePieces(_ search: NetworkSearch, _ snaps: [EdgeSnap], _ limit: Double) -> [[Coordinate]] {
        let graph = search.graph, classSpeed = search.classSpeed
        var edges: [Int32] = []
        for u in search.reached {
            edges.append(contentsOf: graph.adjacencyEdge[Int(graph.adjacencyStart[Int(u)])..<Int(graph.adjacencyStart[Int(u) + 1])])
        }
        edges.sort()
        var pieces: [[Coordinate]] = []
        var previous: Int32 = -1
        for edge in edges where edge != previous {
            previous = edge
            let e = Int(edge)
            let length = graph.edgeLength[e], speed = classSpeed[Int(graph.edgeClass[e])]
            let fromTime = search.seconds(at: Int(graph.edgeFrom[e])), toTime = search.seconds(at: Int(graph.edgeTo[e]))
            let fromReach = fromTime <= limit ? min(length, (limit - fromTime) * speed) : 0
            let toReach = toTime <= limit ? min(length, (limit - toTime) * speed) : 0
            if fromReach + toReach >= length {
                pieces.append(Array(graph.polyline(of: e)))
                continue
            }
            if fromReach > 0 { pieces.append(substring(graph.polyline(of: e), 0, fromReach)) }
            if toReach > 0 { pieces.append(substring(graph.polyline(of: e), length - toReach, length)) }
        }
        // Each facility's own edge, both ways from where it meets the street.
        for snap in snaps {
            let e = Int(snap.edge)
            let remaining = limit - snap.leg / search.profile.speed
            if remaining > 0 {
                let reach = remaining * classSpeed[Int(graph.edgeClass[e])]
                pieces.append(substring(graph.polyline(of: e), max(0, snap.along - reach), min(graph.edgeLength[e], snap.along + reach)))
            }
        }
        return pieces.filter { $0.count >= 2 }
    }

    /// The part of a polyline between two distances along it. GEOS's C API has interpolation but
    /// no substring, so the walk along the segments is done here.
    static func substring(_ line: ArraySlice<Coordinate>, _ start: Double, _ end: Double) -> [Coordinate] {
        var result: [Coordinate] = []
        var travelled = 0.0
        var previous = line.first!
        for point in line.dropFirst() {
            let segment = previous.planarDistance(to: point)
            let segmentEnd = travelled + segment
            if segmentEnd >= start, travelled <= end, segment > 0 {
                func at(_ distance: Double) -> Coordinate {
                    let t = min(max((distance - travelled) / segment, 0), 1)
                    return Coordinate(previous.x + (point.x - previous.x) * t, previous.y + (point.y - previous.y) * t)
                }
                if result.isEmpty { result.append(at(max(start, travelled))) }
                result.append(at(min(end, segmentEnd)))
            }
            travelled = segmentEnd
            previous = point
            if travelled > end { break }
        }
        return result
    }
}
