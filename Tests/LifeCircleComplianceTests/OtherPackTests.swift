import LifeCircleCompliance
import LifeCircleIO
import LifeCircleInput
import Testing

@Suite struct OtherPackTests {
    /// Ankang 2023, new districts: ≥ 20 m² per 100 households, ≥ 0.1 m² of land per person,
    /// ≥ 10 childcare places per 1,000 people; beds ≥ 60 per 1,000 elderly over the territory.
    @Test func ankangChildcareLandAndBeds() throws {
        let report = try Fixture.check("ankang-2023", districts: [
            // 900 households = 2,700 people: 180 m², 270 m² of land and 27 places required.
            Fixture.district("A", at: 0, ["households": .int(900), "status": .string("new"), "elderly_population": .int(500)]),
            // Existing: the pack has no rule for it.
            Fixture.district("B", at: 1000, ["households": .int(900), "status": .string("existing"), "elderly_population": .int(500)]),
        ], facilities: [
            Fixture.facility("K", in: 0, ["floor_area_m2": .int(180), "land_area_m2": .int(270), "childcare_places": .int(26),
                                          "capacity": .int(40)]),
            Fixture.facility("L", in: 1000, ["floor_area_m2": .int(10), "capacity": .int(20)]),
        ])
        let a = report.district("A")
        #expect(a.check("AK-NEW")?.outcome == .pass)
        #expect(a.check("AK-LAND")?.outcome == .pass)
        #expect(abs(a.check("AK-LAND")!.value! - 0.1) < 1e-15)
        // 26 places for 2,700 people = 9.63 per 1,000: below 10.
        #expect(a.check("AK-CHILD")?.outcome == .fail)
        #expect(abs(a.check("AK-CHILD")!.value! - 26.0 / 2.7) < 1e-12)
        #expect(a.outcome == .fail)
        #expect(report.district("B").outcome == .notApplicable)
        // 60 beds for 1,000 elderly = 60 per 1,000: at the target.
        let beds = try #require(report.summary.targets.first { $0.rule == "AK-T25-BED" })
        #expect(beds.value == 60)
        #expect(beds.outcome == .pass)
        // Service-network rules need an administrative-units layer: named as evaluated elsewhere.
        #expect(report.summary.targetsElsewhere.contains { $0.rule.hasPrefix("AK-CTY") && $0.needs == .administrativeUnits })
    }

    /// GB 50180-2018: a day-care centre (日间照料中心) ≥ 350 m²; the rule looks at day-care centres only.
    @Test func gbDayCareSiteMinimumAppliesToItsKindOnly() throws {
        let report = try Fixture.check("gb50180-2018", districts: [
            Fixture.district("D", at: 0, ["households": .int(1000), "status": .string("existing")]),
        ], facilities: [
            Fixture.facility("DC", in: 0, offset: -10, ["floor_area_m2": .int(349), "kind": .string("日间照料中心")]),
            Fixture.facility("ST", in: 0, offset: 10, ["floor_area_m2": .int(100), "kind": .string("社区养老服务站")]),
        ])
        let site = try #require(report.district("D").check("GB-DC"))
        #expect(site.outcome == .fail)
        #expect(site.value == 349)
        #expect(site.detail == "sites below 350 m²: DC (349 m²)")
        #expect(report.district("D").check("GB-YHY") == nil)  // no 老年养护院 serves it
    }

    /// Ningxia 2025: one service point in every village; 70 % of townships with a comprehensive centre.
    @Test func ningxiaVillageTier() throws {
        let units = (0..<4).map { i in
            Fixture.feature("V\(i)", Fixture.square(Double(i) * 1000, 0, side: 900), ["level": .string("行政村")])
        }
        let report = try Fixture.check("ningxia-2025", districts: [
            Fixture.district("D", at: 50_000, ["households": .int(10), "status": .string("new")]),
        ], facilities: (0..<3).map { i in
            Fixture.feature("P\(i)", Fixture.point(Double(i) * 1000 + 100, 100), ["kind": .string("养老服务站点")])
        }, units: units)
        let villages = try #require(report.network.first { $0.rule == "NX-NET-V" })
        #expect(villages.units == 4 && villages.unitsMeeting == 3)
        #expect(villages.missing.map(\.id) == ["V3"])
        #expect(villages.outcome == .fail)
        // No township in the layer: that rule cannot be judged.
        #expect(report.network.first { $0.rule == "NX-T27-T" }?.outcome == .insufficientData)
    }

    /// Yunnan 2020 has a coverage definition and no per-district rule.
    @Test func yunnanHasNothingToCheckPerDistrict() throws {
        let report = try Fixture.check("yunnan-2020", districts: [
            Fixture.district("D", at: 0, ["households": .int(100), "status": .string("new")]),
        ], facilities: [])
        #expect(report.district("D").outcome == .notApplicable)
        #expect(report.district("D").checks.isEmpty)
    }

    @Test func polygonFacilityCountsByItsShareInside() throws {
        // A 40 × 50 m facility footprint straddling two districts: 30 m of its width in the
        // first (600 of 2,000 m² would be 30 %... here 30 × 50 = 1,500 m² of 2,000 m² = 75 %).
        let footprint = Fixture.feature("P", .polygon(.init(exterior: [
            .init(70, 20), .init(110, 20), .init(110, 70), .init(70, 70), .init(70, 20)])), ["floor_area_m2": .int(400)])
        let report = try Fixture.check("yinchuan-2020", districts: [
            Fixture.feature("L", Fixture.square(0, 0), ["households": .int(100), "status": .string("new")]),
            Fixture.feature("R", Fixture.square(100, 0), ["households": .int(100), "status": .string("new")]),
        ], facilities: [footprint])
        #expect(report.district("L").providedFloorAreaM2 == 300)
        #expect(report.district("R").providedFloorAreaM2 == 100)
        #expect(report.district("L").facilities.first?.how == .partlyInside)
        #expect(report.district("L").facilities.first?.share == 0.75)
    }

    @Test func assignedFacilityCountsForItsNamedDistrict() throws {
        let report = try Fixture.check("yinchuan-2020", districts: [
            Fixture.district("A", at: 0, ["households": .int(100), "status": .string("new")]),
            Fixture.district("B", at: 1000, ["households": .int(100), "status": .string("new")]),
        ], facilities: [
            // Stands in A but serves B by its district_id; a wrong id falls back to location.
            Fixture.facility("F", in: 0, ["floor_area_m2": .int(30), "district_id": .string("B")]),
            Fixture.facility("G", in: 0, ["floor_area_m2": .int(30), "district_id": .string("nope")]),
        ])
        #expect(report.district("B").providedFloorAreaM2 == 30)
        #expect(report.district("B").facilities.first?.how == .assigned)
        #expect(report.district("A").providedFloorAreaM2 == 30)
        #expect(report.warnings.contains { $0.contains("\"nope\"") })
    }
}
