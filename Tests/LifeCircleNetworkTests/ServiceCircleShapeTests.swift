import LifeCircleGEOS
import LifeCircleGeometry
@testable import LifeCircleNetwork
import Testing

/// Service circles traced on the grid against the shape they stand for: GEOS's exact buffer of the
/// same reachable streets (the method before the grid), on both shipped OSM extracts.
@Suite struct ServiceCircleShapeTests {
    static let extracts = [RealExtract.builtHelsinki, RealExtract.builtBeijing]

    /// Intersection over union ≥ 0.9 for every facility, holes and all, and every polygon valid.
    @Test(arguments: 0..<2) func gridCirclesMatchTheBufferedStreets(extract: Int) throws {
        let built = try Self.extracts[extract].get()
        let searches = ParallelSearches(graph: built.graph, profile: .walk)
        let limit = 600.0, drawing = ServiceAreas.Drawing()
        let circles = try ServiceAreas.polygons(searches, facilities: built.facilities, seconds: limit, drawing: drawing)
        let search = NetworkSearch(graph: built.graph, profile: .walk)
        for (site, circle) in zip(built.facilities, circles) {
            let snap = try #require(site.snap)
            search.run(from: [site], cutoff: limit)
            let pieces = ServiceAreas.reachablePieces(search, [snap], limit)
            let exact = try NativeGeometry(.multiLineString(pieces.map(LineString.init)))
                .buffer(drawing.halfWidth, style: BufferStyle(quadrantSegments: 8))
            let traced = try NativeGeometry(circle)
            #expect(try traced.validity().isValid)
            let union = try traced.union(exact).area()
            let iou = try traced.intersection(exact).area() / union
            #expect(iou >= 0.9, "IoU \(iou)")
            // Holes (blocks the streets enclose) are kept: about as many as the exact buffer has.
            let holes = { (g: Geometry) in g.polygons.reduce(0) { $0 + $1.interiors.count } }
            let exactHoles = holes(exact.value), tracedHoles = holes(circle)
            #expect(exactHoles == 0 || abs(tracedHoles - exactHoles) <= max(3, exactHoles / 5), "holes \(tracedHoles) vs \(exactHoles)")
        }
    }

    /// A staircase traced along cells becomes the straight line it approximates; a long straight
    /// edge keeps its length but for half a cell at each corner.
    @Test func aStaircaseBecomesItsDiagonal() {
        // A right triangle traced on unit cells: legs of 4 along the axes, the hypotenuse as 4 steps.
        var ring: LinearRing = [Coordinate(0, 0), Coordinate(4, 0)]
        for k in 0..<4 { ring += [Coordinate(Double(4 - k), Double(k + 1)), Coordinate(Double(3 - k), Double(k + 1))] }
        ring.append(Coordinate(0, 0))
        let smoothed = GridOutline.smoothed(ring, cell: 1)
        #expect(smoothed.first == smoothed.last)
        // The steps' cut points lie on x + y = 4.5: one straight line from (4, 0.5) to (0.5, 4).
        #expect(smoothed.dropLast() == [Coordinate(0, 0.5), Coordinate(0.5, 0), Coordinate(3.5, 0), Coordinate(4, 0.5),
                                        Coordinate(0.5, 4), Coordinate(0, 3.5)])
    }
}
