import LifeCircleCRS
import LifeCircleGeometry
import Testing

@Suite struct ChineseWebMapTests {
    static let cities = [Place.yinchuan, Place.beijing, Place.shenzhen, Place.kashgar]

    // Published pairs from the gcoord library's tests (hujiulong/gcoord, test/unit/crs/*.spec.ts).
    @Test func matchesPublishedForwardValues() {
        let gcj = GCJ02.fromWGS84(Coordinate(123, 45))
        #expect(abs(gcj.x - 123.00607541) < 1e-8)
        #expect(abs(gcj.y - 45.00197815) < 1e-8)
        let bd = BD09.fromGCJ02(Coordinate(123, 45))
        #expect(abs(bd.x - 123.00636499) < 1e-8)
        #expect(abs(bd.y - 45.00636899) < 1e-8)
    }

    // gcoord's inverses stop at 1e-6° (GCJ-02) or are one-step (BD-09); its tests check 5 decimals.
    @Test func matchesPublishedInverseValues() {
        let wgs = GCJ02.toWGS84(Coordinate(123, 45))
        #expect(abs(wgs.x - 122.99395597) < 5e-6)
        #expect(abs(wgs.y - 44.99804071) < 5e-6)
        let gcj = BD09.toGCJ02(Coordinate(123, 45))
        #expect(abs(gcj.x - 122.99363304) < 5e-6)
        #expect(abs(gcj.y - 44.99365430) < 5e-6)
    }

    @Test func inverseSolvesTheForwardFormula() {
        let gcj = Coordinate(123.00607541, 45.00197815)
        let back = GCJ02.fromWGS84(GCJ02.toWGS84(gcj))
        #expect(abs(back.x - gcj.x) < 1e-9)
        #expect(abs(back.y - gcj.y) < 1e-9)
    }

    @Test(arguments: cities)
    func gcjRoundTripIsBelowOneCentimetre(city: Coordinate) {
        #expect(metres(GCJ02.toWGS84(GCJ02.fromWGS84(city)), city) < 0.01)
        #expect(metres(GCJ02.fromWGS84(GCJ02.toWGS84(city)), city) < 0.01)
    }

    @Test(arguments: cities)
    func gcjOffsetIsBetween26And700Metres(city: Coordinate) {
        let offset = metres(GCJ02.fromWGS84(city), city)
        #expect(offset > 26 && offset < 700, "offset \(offset) m")
    }

    @Test(arguments: cities)
    func bdRoundTripIsBelowOneCentimetre(city: Coordinate) {
        #expect(metres(BD09.toGCJ02(BD09.fromGCJ02(city)), city) < 0.01)
        // BD-09 adds roughly a further kilometre.
        let offset = metres(BD09.fromGCJ02(city), city)
        #expect(offset > 500 && offset < 1500, "offset \(offset) m")
    }

    @Test func noOffsetOutsideChina() {
        #expect(GCJ02.fromWGS84(Place.helsinki) == Place.helsinki)
        #expect(GCJ02.toWGS84(Place.helsinki) == Place.helsinki)
        #expect(!ChinaExtent.contains(Place.helsinki))
        #expect(ChinaExtent.contains(Place.kashgar))
    }
}
