import Foundation
import LifeCircleCompliance
import LifeCircleIO
import Testing

/// A city-sized run: the report stays small, the CSV and GeoJSON keep every district.
@Suite struct LargeRunOutputTests {
    @Test func theReportListsTheWorstDistrictsAndTheFilesKeepThemAll() throws {
        // 6,000 new districts in a row, 100 households each (30 m² required): D0…D999 have no
        // facility (shortfall 30 m² each, failing), the other 5,000 pass with a 300 m² site.
        let districts = (0..<6000).map { i in
            Fixture.district("D\(i)", at: Double(i) * 100, ["households": .int(100), "status": .string("new")])
        }
        let facilities = (1000..<6000).map { i in Fixture.facility("F\(i)", in: Double(i) * 100, ["floor_area_m2": .int(300)]) }
        let report = try Fixture.check("yinchuan-2020", districts: districts, facilities: facilities)
        #expect(report.summary.all.fail == 1000)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lifecircle-large-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let paths = try ComplianceFiles.write(report, districts: Fixture.layer("districts", districts),
                                              facilities: Fixture.layer("facilities", facilities), to: folder, language: .en)
        let html = try String(contentsOfFile: paths[3], encoding: .utf8)
        // 300 listed, failing first; the other 5,700 named as being in the CSV.
        #expect(html.contains("Listed: 300 districts"))
        #expect(html.contains("the other 5700 are in compliance.csv"))
        #expect(html.contains(">D0<") && html.contains(">D299<") && !html.contains(">D300<") && !html.contains(">D5999<"))
        // 6,000 districts and 5,000 facilities exceed what a map draws one by one (2,000): cells instead,
        // no per-feature tooltips.
        #expect(html.contains("data-aggregated=\"6000\"") && html.contains("data-aggregated=\"5000\""))
        #expect(html.utf8.count < 300_000)

        let rows = try VectorSource(path: paths[2]).read().records
        #expect(rows.count == 6000)
        #expect(rows.filter { $0.attributes["outcome"]?.text == "fail" }.count == 1000)
        let features = try VectorSource(path: paths[1]).read().records
        #expect(features.count == 6000)
        #expect(features[5999].attributes["provided_floor_area_m2"]?.number == 300)
    }
}
