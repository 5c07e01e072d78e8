import LifeCircleCompliance
import LifeCircleIO
import LifeCircleInput
import Testing

/// Qingyuan 2024: new ≥ 20, existing ≥ 15 m² per 100 households; ≥ 0.1 m² of land per person
/// over a planning unit; 100 % of new districts compliant; a comprehensive centre in every street
/// and in ≥ 60 % of townships; a regional care institution in every county.
@Suite struct QingyuanTests {
    @Test func floorAreaLandPerPersonAndTheNewDistrictTarget() throws {
        let report = try Fixture.check("qingyuan-2024", districts: [
            // 600 households new: 120 m² required, 130 provided. 1,800 people, 200 m² of land.
            Fixture.district("N1", at: 0, ["households": .int(600), "population": .int(1800), "status": .string("new"),
                                           "planning_unit": .string("U1")]),
            // 400 households new: 80 m² required, 79 provided → fails; QY-CMP then fails (1 of 2).
            Fixture.district("N2", at: 1000, ["households": .int(400), "population": .int(1200), "status": .string("新建"),
                                              "planning_unit": .string("U1")]),
            // 1,000 households existing: 150 m² required, 150 provided.
            Fixture.district("E1", at: 2000, ["households": .int(1000), "status": .string("旧城区")]),
        ], facilities: [
            Fixture.facility("A", in: 0, ["floor_area_m2": .int(130), "land_area_m2": .int(200)]),
            Fixture.facility("B", in: 1000, ["floor_area_m2": .int(79), "land_area_m2": .int(100)]),
            Fixture.facility("C", in: 2000, ["floor_area_m2": .int(150), "land_area_m2": .int(250)]),
        ])
        #expect(report.district("N1").outcome == .pass)
        #expect(report.district("N2").outcome == .fail)
        #expect(report.district("N2").shortfallM2 == 1)
        #expect(report.district("E1").outcome == .pass)
        #expect(report.district("E1").check("QY-OLD")?.value == 15)

        // Planning unit U1: (200 + 100) m² of land for 3,000 people = 0.1 m² per person, at the norm.
        let u1 = try #require(report.planningUnits.first { $0.id == "U1" })
        #expect(u1.districts == ["N1", "N2"])
        #expect(u1.population == 3000)
        #expect(u1.check.outcome == .pass)
        #expect(abs(u1.check.value! - 0.1) < 1e-15)
        // E1 has no planning_unit: its own unit; its population is households × 3.0 = 3,000; 250 m².
        let e1 = try #require(report.planningUnits.first { $0.id == "E1" })
        #expect(e1.population == 3000)
        #expect(e1.check.outcome == .fail)

        let cmp = try #require(report.summary.targets.first { $0.rule == "QY-CMP" })
        #expect(cmp.value == 50)
        #expect(cmp.outcome == .fail)
    }

    @Test func streetWithoutItsCentreIsListed() throws {
        // One county with a regional care institution; three streets, one without a centre;
        // five townships, three with a centre (60 %, exactly the target share).
        var units: [InputFeature] = [
            Fixture.feature("C1", Fixture.square(0, 0, side: 10_000), ["level": .string("县区"), "name": .string("清城区")]),
        ]
        for i in 0..<3 {
            units.append(Fixture.feature("S\(i)", Fixture.square(Double(i) * 1000, 20_000, side: 900),
                                         ["level": .string("街道"), "name": .string("街道\(i)")]))
        }
        for i in 0..<5 {
            units.append(Fixture.feature("T\(i)", Fixture.square(Double(i) * 1000, 30_000, side: 900),
                                         ["level": .string("乡镇"), "name": .string("镇\(i)")]))
        }
        let centre: [String: AttributeValue] = ["kind": .string("综合性养老服务中心")]
        var facilities = [Fixture.feature("R", Fixture.point(5000, 5000), ["kind": .string("区域性集中供养服务机构")])]
        for i in [0, 1] { facilities.append(Fixture.feature("SC\(i)", Fixture.point(Double(i) * 1000 + 450, 20_450), centre)) }
        for i in [0, 2, 4] { facilities.append(Fixture.feature("TC\(i)", Fixture.point(Double(i) * 1000 + 450, 30_450), centre)) }
        // A facility of another kind in street 2 does not count.
        facilities.append(Fixture.feature("X", Fixture.point(2450, 20_450), ["kind": .string("日间照料中心")]))
        let report = try Fixture.check("qingyuan-2024", districts: [
            Fixture.district("D", at: 100_000, ["households": .int(100), "status": .string("new")]),
        ], facilities: facilities, units: units)

        let streets = try #require(report.network.first { $0.rule == "QY-CTR-S" })
        #expect(streets.units == 3 && streets.unitsMeeting == 2)
        #expect(streets.missing.map(\.id) == ["S2"])
        #expect(streets.missing.first?.name == "街道2")
        #expect(streets.outcome == .fail)
        let townships = try #require(report.network.first { $0.rule == "QY-CTR-T" })
        #expect(townships.units == 5 && townships.unitsMeeting == 3)
        #expect(townships.requiredShare == 60)
        #expect(townships.outcome == .pass)
        let county = try #require(report.network.first { $0.rule == "QY-CTY" })
        #expect(county.outcome == .pass)
    }
}
