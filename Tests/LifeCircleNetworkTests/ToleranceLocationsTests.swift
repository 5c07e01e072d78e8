import LifeCircleGeometry
@testable import LifeCircleNetwork
import LifeCircleTestSupport
import Testing

/// The grid hash against the rule it implements, checked by brute force: each vertex, in order,
/// takes the location of an identical earlier vertex, else the nearest location within the
/// tolerance (the lower-numbered at equal distance), else becomes a new location.
@Suite struct ToleranceLocationsTests {
    @Test(arguments: [0.5, 2.0, 1e-12])
    func matchesTheRuleVertexByVertex(_ tolerance: Double) {
        var random = SeededRandom(seed: 20_261_201)
        // Clusters of near points (as CAD line ends), exact repeats, and negative coordinates.
        var vertices: [Coordinate] = []
        for _ in 0..<400 {
            let centre = Coordinate(x: Double.random(in: -500...500, using: &random), y: Double.random(in: -500...500, using: &random))
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                vertices.append(Coordinate(x: centre.x + Double.random(in: -1.5...1.5, using: &random),
                                           y: centre.y + Double.random(in: -1.5...1.5, using: &random)))
            }
        }
        vertices += (0..<300).map { _ in vertices[Int.random(in: 0..<vertices.count, using: &random)] }
        vertices.shuffle(using: &random)

        var grid = ToleranceLocations(tolerance: tolerance)
        var positions: [Coordinate] = []
        var seen: [Coordinate: Int32] = [:]
        for (i, v) in vertices.enumerated() {
            let expected: Int32
            if let known = seen[v] {
                expected = known
            } else {
                let within = positions.indices.filter { positions[$0].planarDistance(to: v) <= max(1e-9, tolerance) }
                if let nearest = within.min(by: { (positions[$0].planarDistance(to: v), $0) < (positions[$1].planarDistance(to: v), $1) }) {
                    expected = Int32(nearest)
                } else {
                    expected = Int32(positions.count)
                    positions.append(v)
                }
                seen[v] = expected
            }
            #expect(grid.location(of: v) == expected, "vertex \(i)")
        }
        #expect(grid.positions == positions)
        #expect(positions.count < vertices.count)
    }
}
