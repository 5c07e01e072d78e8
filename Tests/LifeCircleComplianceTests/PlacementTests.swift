import LifeCircleCompliance
import LifeCircleGeometry
import LifeCircleIO
import Testing

/// Where facilities are counted: a point on the edge two districts share serves the first only
/// (with a warning), points inside are counted wholly, a point in no district is listed.
@Suite struct PlacementTests {
    @Test func aPointOnASharedEdgeCountsOnceInTheFirstDistrict() throws {
        // West (0–100) and East (100–200) share the edge x = 100; 1,000 households each, new: 300 m² required.
        let report = try Fixture.check("yinchuan-2020", districts: [
            Fixture.feature("WEST", Fixture.square(0, 0), ["households": .int(1000), "status": .string("new")]),
            Fixture.feature("EAST", Fixture.square(100, 0), ["households": .int(1000), "status": .string("new")]),
        ], facilities: [
            Fixture.feature("EDGE", Fixture.point(100, 50), ["floor_area_m2": .int(200)]),
            Fixture.feature("IN-EAST", Fixture.point(150, 50), ["floor_area_m2": .int(120)]),
            Fixture.feature("IN-WEST", Fixture.point(20, 20), ["floor_area_m2": .int(100)]),
            Fixture.feature("AWAY", Fixture.point(500, 50), ["floor_area_m2": .int(999)]),
        ])
        #expect(report.district("WEST").facilities.map(\.id) == ["EDGE", "IN-WEST"])   // in the layer's order
        #expect(report.district("WEST").providedFloorAreaM2 == 300)          // 100 + 200: exactly the norm
        #expect(report.district("WEST").outcome == .pass)
        #expect(report.district("EAST").facilities.map(\.id) == ["IN-EAST"])
        #expect(report.district("EAST").shortfallM2 == 180)                  // 300 − 120
        #expect(report.unallocatedFacilities == ["AWAY"])
        #expect(report.warnings.contains("facility EDGE lies on the boundary of districts WEST and EAST; counted once, in WEST"))
    }
}
