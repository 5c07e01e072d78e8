import Foundation
import LifeCircleGEOS
import LifeCircleGeometry
import Testing

private func square(_ x: Double, _ y: Double, _ side: Double) -> [Coordinate] {
    [Coordinate(x, y), Coordinate(x + side, y), Coordinate(x + side, y + side), Coordinate(x, y + side), Coordinate(x, y)]
}

@Suite struct MeasureAndConstructionTests {
    @Test func areaAndLengthOfPolygonWithHole() throws {
        // 100 × 50 rectangle with a 10 × 10 hole: area 5000 − 100, perimeter 300 + 40.
        let outer = [Coordinate(0, 0), Coordinate(100, 0), Coordinate(100, 50), Coordinate(0, 50), Coordinate(0, 0)]
        let g = try NativeGeometry(.polygon(Polygon(exterior: outer, interiors: [square(20, 20, 10)])))
        #expect(try g.area() == 4900)
        #expect(try g.length() == 340)
        #expect(g.envelope == Envelope(minX: 0, minY: 0, maxX: 100, maxY: 50))
    }

    @Test(arguments: [8, 16, 32])
    func bufferIsTheInscribedPolygon(quadrantSegments: Int32) throws {
        // A point buffered by r with q segments per quadrant is a regular 4q-gon inscribed in the
        // circle: area = (n/2)·r²·sin(2π/n).
        let r = 1000.0, n = Double(4 * quadrantSegments)
        let expected = n / 2 * r * r * sin(2 * Double.pi / n)
        let circle = try NativeGeometry(.point(Point(x: 500_000, y: 4_000_000)))
            .buffer(r, style: BufferStyle(quadrantSegments: quadrantSegments))
        #expect(abs(try circle.area() - expected) < 1e-6 * expected)
        #expect(try circle.area() < Double.pi * r * r)
    }

    @Test func centroidAndPointOnSurface() throws {
        // An L shape whose centroid falls outside it: point-on-surface must lie inside.
        let l = [Coordinate(0, 0), Coordinate(10, 0), Coordinate(10, 1), Coordinate(1, 1), Coordinate(1, 10),
                 Coordinate(0, 10), Coordinate(0, 0)]
        let g = try NativeGeometry(.polygon(Polygon(exterior: l)))
        // Centroid of two rectangles (10×1 at (5, .5), 1×9 at (.5, 5.5)) weighted 10 and 9.
        let c = try g.centroid().value.coordinates[0]
        #expect(abs(c.x - (10 * 5 + 9 * 0.5) / 19) < 1e-12)
        #expect(abs(c.y - (10 * 0.5 + 9 * 5.5) / 19) < 1e-12)
        #expect(try !g.contains(g.centroid()))
        #expect(try g.contains(g.pointOnSurface()))
    }

    @Test func overlayAreas() throws {
        let a = try NativeGeometry(.polygon(Polygon(exterior: square(0, 0, 10))))
        let b = try NativeGeometry(.polygon(Polygon(exterior: square(5, 5, 10))))
        #expect(try a.intersection(b).area() == 25)
        #expect(try a.difference(b).area() == 75)
        #expect(try a.union(b).area() == 175)
        // 3 × 3 adjacent unit squares merge into one 9 m² polygon with a 12 m perimeter.
        let cells = try (0..<9).map { try NativeGeometry(.polygon(Polygon(exterior: square(Double($0 % 3), Double($0 / 3), 1)))) }
        let merged = try NativeGeometry.unionAll(cells)
        #expect(try merged.area() == 9)
        #expect(try merged.length() == 12)
        #expect(merged.typeName == "Polygon")
    }

    @Test func distanceAndWithinDistance() throws {
        let a = try NativeGeometry(.point(Point(x: 0, y: 0)))
        let b = try NativeGeometry(.lineString(LineString([Coordinate(3, 4), Coordinate(3, 100)])))
        #expect(try a.distance(to: b) == 5)
        #expect(try a.isWithinDistance(5, of: b))
        #expect(try !a.isWithinDistance(4.999, of: b))
    }

    @Test func bowTieIsInvalidAndRepairedIntoTwoTriangles() throws {
        // The two lobes of (0,0)-(2,2)-(2,0)-(0,2) are triangles of area 1 each.
        let bowTie = try NativeGeometry(wkt: "POLYGON((0 0, 2 2, 2 0, 0 2, 0 0))")
        let report = try bowTie.validity()
        #expect(!report.isValid)
        #expect(report.reason.hasPrefix("Self-intersection"))
        let repaired = try bowTie.madeValid()
        #expect(try repaired.validity().isValid)
        #expect(repaired.typeName == "MultiPolygon")
        #expect(try repaired.area() == 2)
    }

    @Test func simplifyKeepsShapeWithFewerVertices() throws {
        // A densified square: 400 vertices on its edges simplify back to its 5 corners.
        var ring: [Coordinate] = []
        for i in 0..<100 { ring.append(Coordinate(Double(i), 0)) }
        for i in 0..<100 { ring.append(Coordinate(100, Double(i))) }
        for i in 0..<100 { ring.append(Coordinate(100 - Double(i), 100)) }
        for i in 0..<100 { ring.append(Coordinate(0, 100 - Double(i))) }
        ring.append(ring[0])
        let g = try NativeGeometry(.polygon(Polygon(exterior: ring)))
        let simple = try g.simplified(tolerance: 0.5)
        #expect(simple.value.coordinates.count == 5)
        #expect(try simple.area() == 10_000)
    }
}
