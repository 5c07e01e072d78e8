import LifeCircleCompliance
import LifeCircleIO
import LifeCircleInput
import Testing

/// Yinchuan 2020: new districts ≥ 30 m² per 100 households, existing ≥ 20 m², each site in
/// existing districts ≥ 200 m². Every figure below is worked out by hand.
@Suite struct YinchuanTests {
    let report: ComplianceReport

    init() throws {
        report = try Fixture.check("yinchuan-2020", districts: [
            // 1,000 households, new: 300 m² required; exactly 300 provided (不少于 means ≥).
            Fixture.district("AT-NORM", at: 0, ["households": .int(1000), "status": .string("新建")]),
            // Population only: 2,400 ÷ 3.0 = 800 households, existing: 160 m² required; 150 provided.
            Fixture.district("POP-ONLY", at: 1000, ["population": .int(2400), "status": .string("已建")]),
            // 500 households in an old estate: 100 m² required, no facility at all.
            Fixture.district("NO-FACILITY", at: 2000, ["households": .int(500), "status": .string("老旧小区")]),
            // 1,000 households, existing: 200 m² required; two sites of 150 m² = 300 m² in total,
            // enough, but each below the 200 m² per-site minimum.
            Fixture.district("SMALL-SITES", at: 3000, ["households": .int(1000), "status": .string("existing")]),
            // No status: the norm cannot be chosen.
            Fixture.district("NO-STATUS", at: 4000, ["households": .int(1000)]),
        ], facilities: [
            Fixture.facility("F1", in: 0, ["floor_area_m2": .double(300)]),
            Fixture.facility("F2", in: 1000, ["floor_area_m2": .string("150")]),
            Fixture.facility("F3", in: 3000, offset: -20, ["floor_area_m2": .int(150)]),
            Fixture.facility("F4", in: 3000, offset: 20, ["floor_area_m2": .int(150)]),
            Fixture.facility("F5", in: 4000, ["floor_area_m2": .int(500)]),
            // Outside every district: listed, not lost.
            Fixture.facility("F6", in: 9000, ["floor_area_m2": .int(999)]),
        ])
    }

    @Test func valueExactlyAtTheNormPasses() {
        let d = report.district("AT-NORM")
        #expect(d.requiredFloorAreaM2 == 300)
        #expect(d.providedFloorAreaM2 == 300)
        #expect(d.shortfallM2 == 0)
        #expect(d.check("YC-NEW")?.value == 30)
        #expect(d.outcome == .pass)
        #expect(d.check("YC-OLD") == nil)
    }

    @Test func populationOnlyDistrictUsesPersonsPerHousehold() {
        let d = report.district("POP-ONLY")
        #expect(d.households == 800)
        #expect(d.householdsBasis == "population 2400 ÷ 3 persons per household")
        #expect(d.requiredFloorAreaM2 == 160)
        #expect(d.shortfallM2 == 10)
        #expect(d.check("YC-OLD")?.outcome == .fail)
        #expect(abs(d.check("YC-OLD")!.value! - 18.75) < 1e-12)
        // The one site of 150 m² is also below the 200 m² minimum.
        #expect(d.check("YC-SITE")?.outcome == .fail)
        #expect(report.assumptions.districtsUsingPersonsPerHousehold == 1)
    }

    @Test func districtWithoutFacilityFailsByItsWholeRequirement() {
        let d = report.district("NO-FACILITY")
        #expect(d.status == .existing)
        #expect(d.providedFloorAreaM2 == 0)
        #expect(d.shortfallM2 == 100)
        #expect(d.outcome == .fail)
        #expect(d.check("YC-SITE") == nil)  // no site to measure
    }

    @Test func sitesUnderTheMinimumFailEvenWhenTheirTotalIsEnough() {
        let d = report.district("SMALL-SITES")
        #expect(d.check("YC-OLD")?.outcome == .pass)
        #expect(d.check("YC-OLD")?.value == 30)
        #expect(d.shortfallM2 == 0)
        #expect(d.check("YC-SITE")?.outcome == .fail)
        #expect(d.check("YC-SITE")?.value == 150)
        #expect(d.check("YC-SITE")?.detail == "sites below 200 m²: F3 (150 m²), F4 (150 m²)")
        #expect(d.outcome == .fail)
    }

    @Test func unknownStatusIsInsufficientData() {
        let d = report.district("NO-STATUS")
        #expect(d.status == nil)
        #expect(d.outcome == .insufficientData)
        #expect(d.problems.contains { $0.contains("no status") })
        #expect(d.requiredFloorAreaM2 == nil)
    }

    @Test func summaryAndLedger() {
        let s = report.summary
        #expect(s.all.districts == 5)
        #expect(s.all.pass == 1 && s.all.fail == 3 && s.all.insufficientData == 1)
        #expect(s.new.districts == 1 && s.new.pass == 1)
        #expect(s.existing.districts == 3 && s.existing.fail == 3)
        #expect(s.all.shortfallM2 == 110)
        #expect(report.unallocatedFacilities == ["F6"])
        // Coverage targets are named as evaluated elsewhere, not silently skipped.
        #expect(s.targetsElsewhere.count == 2)
        #expect(report.assumptions.personsPerHousehold == 3)
        // Every check cites its clause's exact phrase.
        #expect(report.district("AT-NORM").check("YC-NEW")?.citation.phrase.contains("每百户不少于30平方米") == true)
    }
}
