import LifeCircleCRS
import LifeCircleGeometry
import Testing

@Suite struct CoordinateConverterTests {
    @Test func gcj02ToGaussKrugerIsInverseOffsetThenPROJ() throws {
        let gcj = GCJ02.fromWGS84(Place.shenzhen)
        let out = try CoordinateConverter(from: .gcj02, to: .epsg(4547)).convert(gcj)
        // Same as the plain CGCS2000 point (cs2cs: E 505636.9666, N 2493941.1255).
        #expect(abs(out.x - 505636.9666) < 0.01)
        #expect(abs(out.y - 2493941.1255) < 0.01)
    }

    @Test func bd09ThroughGaussKrugerAndBack() throws {
        let bd = BD09.fromGCJ02(GCJ02.fromWGS84(Place.beijing))
        let gk = try CoordinateConverter(from: .bd09, to: .epsg(4548)).convert(bd)
        let back = try CoordinateConverter(from: .epsg(4548), to: .bd09).convert(gk)
        #expect(metres(back, bd) < 0.01)
        let wgs = try CoordinateConverter(from: .bd09, to: .wgs84).convert(bd)
        #expect(metres(wgs, Place.beijing) < 0.01)
    }

    @Test func gcj02ToBD09DoesNotDetourThroughWGS84() throws {
        let gcj = Coordinate(116.32, 40.0)
        #expect(try CoordinateConverter(from: .gcj02, to: .bd09).convert(gcj) == BD09.fromGCJ02(gcj))
        #expect(try CoordinateConverter(from: .gcj02, to: .gcj02).convert(gcj) == gcj)
    }

    @Test func geometriesAndArraysAreConverted() throws {
        let converter = try CoordinateConverter(from: .cgcs2000, to: .epsg(4547))
        let line = Geometry.lineString(LineString([Place.shenzhen, Place.qingyuan]))
        let out = try converter.convert(line)
        #expect(out.coordinates == (try converter.convert([Place.shenzhen, Place.qingyuan])))
        #expect(abs(out.coordinates[0].x - 505636.9666) < 0.001)
    }

    @Test func failureNamesTheCoordinateAsGiven() throws {
        let converter = try CoordinateConverter(from: .gcj02, to: .epsg(4547))
        let error = #expect(throws: CRSError.self) { try converter.convert(Coordinate(114, 95)) }
        guard case .transformFailed(let coordinate, let source, let target, _)? = error else {
            Issue.record("expected transformFailed, got \(String(describing: error))")
            return
        }
        #expect(coordinate == Coordinate(114, 95))
        #expect(source == .gcj02)
        #expect(target == .epsg(4547))
    }

    @Test func unknownCodesAreRejectedEvenWithoutAPROJStep() {
        #expect(throws: CRSError.self) { try CoordinateConverter(from: .epsg(999999), to: .epsg(999999)) }
    }
}
