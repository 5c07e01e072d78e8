import Foundation
import LifeCircleCoverage
import LifeCircleGeometry
import LifeCircleIO
import LifeCircleInput
import LifeCircleNorms
import LifeCircleSiting
import Testing

private let crs = CRSChoice(declared: nil, source: .epsg(4544), sourceBasis: "test", metric: .epsg(4544), metricReason: "test")

/// A layer of points in EPSG:4544 (near Yinchuan), at offsets in metres from (500000, 4250000).
private func layer(_ name: String, _ features: [(String, Double, Double, [String: AttributeValue])]) -> InputLayer {
    InputLayer(source: name, layer: name, crs: crs, features: features.enumerated().map { i, f in
        InputFeature(index: i, id: f.0, geometry: .point(Point(Coordinate(500_000 + f.1, 4_250_000 + f.2))), attributes: f.3)
    })
}

private func people(_ n: Int) -> [String: AttributeValue] { ["population": .int(Int64(n))] }

@Suite struct SitingAnalysisTests {
    // Units along a line, 1 km apart: the kept facility F covers U0 only; candidate A (at U2) reaches
    // U1–U3, B (at U5) reaches U4–U6 and C (at U1) reaches U0–U2.
    let demand = layer("units", (0..<7).map { ("U\($0)", Double($0) * 1000, 0, people(100 * ($0 + 1))) })
    let facilities = layer("facilities", [("F", -300, 0, [:])])
    let candidates = layer("candidates", [("A", 2000, 0, [:]), ("B", 5000, 0, [:]), ("C", 1000, 0, [:])])

    private func inputs(_ goal: SitingGoal, by measure: SitingMeasure = .population) -> SitingAnalysis.Inputs {
        SitingAnalysis.Inputs(demand: demand, facilities: facilities, candidates: candidates, model: StraightLineAccess(radius: 1000),
                              profile: "straight line ≤ 1000 m", radius: 1000, goal: goal, measure: measure)
    }

    @Test func beforeAfterAndWhatEachSiteNewlyCovers() throws {
        let report = try SitingAnalysis.run(inputs(.addSites(2)))
        let s = report.summary
        // Population 100 … 700 (2,800 in all); F covers U0 (100).
        #expect(s.coveredUnitsBefore == 1 && s.coveredPopulationBefore == 100)
        // B adds U4–U6 (500 + 600 + 700 = 1,800), then A adds U1–U3 (200 + 300 + 400 = 900); C would add only U1, U2.
        #expect(report.selected.map(\.id) == ["B", "A"])
        #expect(report.selected.map(\.newlyCoveredUnits) == [3, 3])
        #expect(report.selected.map(\.newlyCoveredPopulation) == [1800, 900])
        #expect(report.selected[1].newlyCovered == ["U1", "U2", "U3"])
        #expect(s.coveredUnitsAfter == 7 && s.coveredPopulationAfter == 2800)
        #expect(s.objective == 2800 && s.bestBound == 2800 && s.optimal && s.gap == 0 && s.method == .mip)
        #expect(s.shareBefore == 100.0 / 2800 && s.shareAfter == 1)
        #expect(report.units.first { $0.id == "U0" }?.newlyCoveredBy == nil)
        #expect(report.units.first { $0.id == "U5" }?.newlyCoveredBy == "B")
        #expect(report.candidates.first { $0.id == "C" }.map { ($0.selected, $0.reaches, $0.reachesUncovered) } ?? (true, 0, 0) == (false, 3, 2))
    }

    @Test func unreachableTargetNamesTheMeasureAndTheBestShare() throws {
        var far = inputs(.reachShare(0.85))
        far.candidates = layer("candidates", [("A", 2000, 0, [:]), ("Z", 50_000, 0, [:])])
        // F and A reach U0–U3: 1,000 of 2,800 people, 35.7 %.
        #expect {
            try SitingAnalysis.run(far)
        } throws: { error in
            "\(error)".contains("even all 2 candidates reach 35.7 % of population < 85.0 %")
        }
    }

    /// Yinchuan's norm for new districts, 30 m² per 100 households: a 60 m² site serves 200
    /// households. Four units of 300 people (100 households at 3.0 per household) around A; the kept
    /// facility covers U3 and has no floor area, so it serves all of it.
    @Test func capacitatedByThePacksNormWithUnmetDemand() throws {
        let pack = try RulePackLibrary.standard.load("yinchuan-2020")
        let units = layer("units", [("U0", 0, 0, people(300)), ("U1", 500, 0, people(300)), ("U2", -500, 0, people(300)),
                                    ("U3", 9000, 0, people(300))])
        let inputs = SitingAnalysis.Inputs(
            demand: units, facilities: layer("facilities", [("F", 9000, 100, [:])]),
            candidates: layer("candidates", [("A", 0, 0, ["floor_area_m2": .int(60)])]),
            model: StraightLineAccess(radius: 1000), profile: "straight line ≤ 1000 m", goal: .addSites(1), measure: .population,
            pack: pack, capacitated: true)
        let report = try SitingAnalysis.run(inputs)
        let c = try #require(report.summary.capacity)
        #expect(report.request.capacity?.normM2Per100Households == 30 && report.request.capacity?.normSource == "YC-NEW (yinchuan-2020)")
        #expect(abs(c.demandHouseholds - 400) < 1e-9)
        #expect(abs(c.servedHouseholdsBefore - 100) < 1e-6 && abs(c.servedHouseholdsAfter - 300) < 1e-6)
        #expect(abs(c.unmetHouseholds - 100) < 1e-6 && abs(c.unmetWithinReachHouseholds - 100) < 1e-6)
        #expect(abs(report.summary.objective - 900) < 1e-6)  // served population: 300 + 2 × 300
        #expect(abs(report.selected[0].servedHouseholds! - 200) < 1e-6 && abs(report.selected[0].capacityHouseholds! - 200) < 1e-9)
        #expect(report.summary.coveredUnitsAfter == 4)  // within reach, capacity aside
        #expect(report.warnings.contains { $0.contains("1 existing facilities give no floor area") })
    }

    @Test func capacitatedNeedsEveryCandidatesFloorArea() throws {
        var request = inputs(.addSites(1))
        request.capacitated = true
        request.norm = 30
        #expect {
            try SitingAnalysis.run(request)
        } throws: { error in
            "\(error)".contains("candidates: feature A: floor_area_m2 is missing")
        }
    }

    @Test func filesCarryTheRequiredKeys() throws {
        let report = try SitingAnalysis.run(inputs(.addSites(1)))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("siting-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = try SitingFiles.write(report, layers: .init(demand: demand, facilities: facilities, candidates: candidates,
                                                                   existingAreas: [], proposedAreas: []), to: folder)
        #expect(written.allSatisfy { FileManager.default.fileExists(atPath: $0) })
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/siting.json"))) as! [String: Any]
        let summary = json["summary"] as! [String: Any]
        for key in ["covered_population_before", "covered_population_after", "optimal", "gap", "best_bound", "objective"] {
            #expect(summary[key] != nil, "summary.\(key)")
        }
        let selected = (json["selected"] as! [[String: Any]])[0]
        #expect(selected["id"] as? String == "B" && selected["newly_covered_units"] as? Int == 3
                && selected["newly_covered_population"] as? Double == 1800)
        let geojson = try String(contentsOfFile: folder + "/siting.geojson", encoding: .utf8)
        #expect(geojson.contains("\"newly covered\"") && geojson.contains("\"proposed\"") && geojson.contains("\"not selected\""))
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        #expect(html.contains("新增前") && html.contains("新增后") && html.contains("建议新增设施"))
    }
}
