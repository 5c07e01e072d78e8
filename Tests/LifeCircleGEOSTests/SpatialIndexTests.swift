import Foundation
import LifeCircleGEOS
import LifeCircleGeometry
import Testing
import LifeCircleTestSupport

@Suite struct SpatialIndexTests {
    /// Yinchuan's six districts and 5,000 seeded points over their extent.
    static func fixture() throws -> (natives: [NativeGeometry], points: [Coordinate]) {
        let geometries = try loadFeatures("china/yinchuan_districts_gcj02.geojson").compactMap(\.geometry)
        let natives = try geometries.map { try NativeGeometry($0) }
        let extent = natives.compactMap(\.envelope).reduce(natives[0].envelope!) { $0.union($1) }
        var random = SeededRandom(seed: 2020)
        let points = (0..<5000).map { _ in
            Coordinate(Double.random(in: extent.minX...extent.maxX, using: &random),
                       Double.random(in: extent.minY...extent.maxY, using: &random))
        }
        return (natives, points)
    }

    @Test func pointsWithinDistrictsMatchBruteForce() throws {
        let (natives, points) = try Self.fixture()
        let index = try SpatialIndex(natives)
        let pairs = try index.query(points: points, predicate: .within, workers: 1)
        // Brute force: every point against every district, unprepared and unindexed.
        var expected = IndexPairs()
        for (i, p) in points.enumerated() {
            let point = try NativeGeometry(.point(Point(p)))
            for (t, district) in natives.enumerated() where try district.contains(point) {
                expected.input.append(i)
                expected.tree.append(t)
            }
        }
        #expect(pairs == expected)
        #expect(pairs.count > 1000)
        // Districts don't overlap: a point lies in at most one.
        #expect(Set(pairs.input).count == pairs.count)
    }

    @Test func workersGiveTheSameAnswerAsOneThread() throws {
        let (natives, points) = try Self.fixture()
        let index = try SpatialIndex(natives)
        let one = try index.query(points: points, predicate: .intersects, workers: 1)
        let two = try index.query(points: points, predicate: .intersects, workers: 2)
        let four = try index.query(points: points, predicate: .intersects, workers: 4)
        #expect(one == two)
        #expect(one == four)
        #expect(one.countsPerTreeGeometry(treeCount: index.count).reduce(0, +) == one.count)
    }

    @Test func withinDistanceMatchesBruteForce() throws {
        // Planar units here are degrees; the check is of the mechanism, not of metres.
        let (natives, points) = try Self.fixture()
        let index = try SpatialIndex(natives)
        let d = 0.02
        let pairs = try index.query(points: Array(points.prefix(800)), withinDistance: d, workers: 2)
        var expected = IndexPairs()
        for (i, p) in points.prefix(800).enumerated() {
            let point = try NativeGeometry(.point(Point(p)))
            for (t, district) in natives.enumerated() where try district.distance(to: point) <= d {
                expected.input.append(i)
                expected.tree.append(t)
            }
        }
        #expect(pairs == expected)
    }

    @Test func envelopeAndGeometryQueries() throws {
        let squares = try (0..<100).map { i -> NativeGeometry in
            let x = Double(i % 10) * 10, y = Double(i / 10) * 10
            return try NativeGeometry(wkt: "POLYGON((\(x) \(y), \(x + 9) \(y), \(x + 9) \(y + 9), \(x) \(y + 9), \(x) \(y)))")
        }
        let index = try SpatialIndex(squares)
        #expect(index.query(Envelope(minX: 0, minY: 0, maxX: 15, maxY: 5)) == [0, 1])
        let line = try NativeGeometry(wkt: "LINESTRING(5 5, 5 35)")
        #expect(try index.query(line, predicate: .intersects) == [0, 10, 20, 30])
        let big = try NativeGeometry(wkt: "POLYGON((-1 -1, 20 -1, 20 20, -1 20, -1 -1))")
        #expect(try index.query(big, predicate: .contains) == [0, 1, 10, 11])
    }
}
