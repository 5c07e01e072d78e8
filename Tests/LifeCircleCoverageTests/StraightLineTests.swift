import Foundation
import LifeCircleCoverage
import LifeCircleGeometry
import LifeCircleIO
import LifeCircleInput
import LifeCircleNorms
import Testing
import LifeCircleTestSupport

private let crs = CRSChoice(declared: nil, source: .epsg(4544), sourceBasis: "test", metric: .epsg(4544), metricReason: "test")

private func layer(_ name: String, _ features: [(String, Coordinate, [String: AttributeValue])]) -> InputLayer {
    InputLayer(source: name, layer: name, crs: crs, features: features.enumerated().map { i, f in
        InputFeature(index: i, id: f.0, geometry: .point(Point(f.1)), attributes: f.2)
    })
}

@Suite struct StraightLineTests {
    @Test func nearestFacilityDistanceAndTheRadiusBoundary() throws {
        let model = StraightLineAccess(radius: 1000)
        let facilities = [Coordinate(0, 0), Coordinate(5000, 0)]
        let units = [Coordinate(600, 800), Coordinate(3000, 0), Coordinate(1000.001, 0), Coordinate(40_000, 30_000)]
        let access = try model.access(from: facilities, to: units)
        // (600, 800) is exactly 1,000 m from the first: covered (≤).
        #expect(access[0].facility == 0 && access[0].meters == 1000 && model.covers(access[0]))
        // (3000, 0): 2,000 m to the second, 3,000 m to the first — beyond the radius, true distance kept.
        #expect(access[1].facility == 1 && access[1].meters == 2000 && !model.covers(access[1]))
        #expect(!model.covers(access[2]))
        // 50 km away (a 3-4-5 triangle from (5000, 0) is 35,000 × 30,000 → 46,097.7 m; from (0, 0) 50,000 m).
        #expect(access[3].facility == 1)
        #expect(abs(access[3].meters! - (35_000.0 * 35_000 + 30_000 * 30_000).squareRoot()) < 1e-6)
    }

    @Test func kindsTargetsAndPopulationShares() throws {
        let demand = layer("units", [
            ("C1", Coordinate(100, 0), ["kind": .string("社区"), "population": .int(3000), "elderly_population": .int(600)]),
            ("C2", Coordinate(5000, 0), ["kind": .string("community"), "population": .int(1000), "elderly_population": .int(400)]),
            ("V1", Coordinate(0, 900), ["kind": .string("行政村"), "population": .int(500)]),
            ("V2", Coordinate(0, 20_000), ["kind": .string("村"), "population": .int(500)]),
            ("U1", Coordinate(200, 0), [:]),
            ("X1", Coordinate(300, 0), ["kind": .string("school")]),
        ])
        let facilities = layer("facilities", [
            ("F1", Coordinate(0, 0), ["kind": .string("综合养老服务中心")]),
            ("F2", Coordinate(0, 19_500), ["kind": .string("幸福院")]),
        ])
        let pack = try RulePackLibrary.standard.load("yinchuan-2020")
        let report = try CoverageAnalysis.run(.init(demand: demand, facilities: facilities, model: StraightLineAccess(radius: 1000),
                                                    profile: "straight line ≤ 1000 m", radius: 1000, pack: pack))
        let s = report.summary
        #expect(s.method == "straight-line")
        // C1, U1 (no kind → community) covered; C2 not; V1 covered by F1, V2 by F2 (500 m).
        #expect(s.shareByKind["community"] == Share(units: 3, covered: 2))
        #expect(s.shareByKind["village"] == Share(units: 2, covered: 2))
        #expect(s.unitsDefaultedToCommunity == 1)
        #expect(report.rejected.map(\.id) == ["X1"])
        // Population: C1 3,000 + V1 500 + V2 500 of 5,000 known; elderly 600 of 1,000.
        #expect(s.sharePopulation == 0.8)
        #expect(s.shareElderly == 0.6)
        #expect(s.uncovered == ["C2"])
        // YC-COV-U: 2 of 3 communities = 66.7 % < 85 %. YC-COV-R counts only 幸福院 / 老饭桌:
        // V2 is within 500 m of F2, V1 is 18.6 km from it: 50 % < 80 %.
        let urban = try #require(s.targets.first { $0.rule == "YC-COV-U" })
        #expect(urban.outcome == "fail" && abs(urban.share! - 2.0 / 3) < 1e-12)
        let rural = try #require(s.targets.first { $0.rule == "YC-COV-R" })
        #expect(rural.facilityKind == "rural_elderly_facility" && rural.share == 0.5 && rural.outcome == "fail")
    }

    @Test func addingAFacilityNeverLowersCoverage() throws {
        var random = SeededRandom(seed: 15)
        let model = StraightLineAccess(radius: 900)
        for _ in 0..<20 {
            let units = (0..<200).map { _ in Coordinate(Double.random(in: 0...20_000, using: &random), Double.random(in: 0...20_000, using: &random)) }
            var facilities = (0..<5).map { _ in Coordinate(Double.random(in: 0...20_000, using: &random), Double.random(in: 0...20_000, using: &random)) }
            let before = try model.access(from: facilities, to: units)
            facilities.append(Coordinate(Double.random(in: 0...20_000, using: &random), Double.random(in: 0...20_000, using: &random)))
            let after = try model.access(from: facilities, to: units)
            for (b, a) in zip(before, after) {
                #expect(a.meters! <= b.meters!)
                #expect(!model.covers(b) || model.covers(a))
            }
        }
    }

    @Test func jsonWritesNullMinutesForStraightLine() throws {
        let demand = layer("units", [("C1", Coordinate(100, 0), [:])])
        let facilities = layer("facilities", [("F1", Coordinate(0, 0), [:])])
        let report = try CoverageAnalysis.run(.init(demand: demand, facilities: facilities, model: StraightLineAccess(),
                                                    profile: "straight line ≤ 1000 m", radius: 1000))
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let json = String(decoding: try encoder.encode(report.units[0]), as: UTF8.self)
        #expect(json.contains("\"minutes\":null"))
        #expect(json.contains("\"nearest_facility\":\"F1\""))
        #expect(json.contains("\"meters\":100"))
    }
}

@Suite struct CoverageSetTests {
    @Test func coverageSetsMatchBruteForce() throws {
        var random = SeededRandom(seed: 7)
        let model = StraightLineAccess(radius: 800)
        let units = (0..<300).map { _ in Coordinate(Double.random(in: 0...8000, using: &random), Double.random(in: 0...8000, using: &random)) }
        let sites = (0..<40).map { _ in Coordinate(Double.random(in: 0...8000, using: &random), Double.random(in: 0...8000, using: &random)) }
        let sets = try model.coverageSets(from: sites, to: units)
        for (s, site) in sites.enumerated() {
            #expect(sets[s] == units.indices.filter { units[$0].planarDistance(to: site) <= 800 })
        }
    }

    @Test func unitsSharingAnIdAreEachWrittenWithTheirOwnPlace() throws {
        // Two communities with the same id, 100 m and 5 km from the only facility: both kept, each
        // with its own answer and its own point in coverage.geojson (results refer to features by
        // index, never by id).
        let demand = layer("units", [("C1", Coordinate(500_100, 4_260_000), [:]), ("C1", Coordinate(505_000, 4_260_000), [:])])
        let facilities = layer("facilities", [("F1", Coordinate(500_000, 4_260_000), [:])])
        let model = StraightLineAccess(radius: 1000)
        let report = try CoverageAnalysis.run(.init(demand: demand, facilities: facilities, model: model, profile: "straight line ≤ 1000 m"))
        #expect(report.units.map(\.covered) == [true, false])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lifecircle-dup-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let paths = try CoverageFiles.write(report, demand: demand, facilities: facilities,
                                            circles: try model.serviceAreas(from: [Coordinate(500_000, 4_260_000)]),
                                            area: try model.coverageArea(from: [Coordinate(500_000, 4_260_000)]), to: folder)
        let written = try VectorSource(path: paths[1]).read().records
        #expect(written.map { $0.attributes["covered"]?.number } == [1, 0])
        let longitudes = written.compactMap { $0.geometry?.coordinates.first?.x }
        #expect(longitudes.count == 2 && longitudes[0] < longitudes[1])
    }
}
