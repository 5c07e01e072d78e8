import Foundation
import LifeCircleCRS
import LifeCircleCompliance
import LifeCircleCoverage
import LifeCircleRuns
import LifeCircleSiting
import Testing

/// Each command as the CLI runs it, on the bundled demo data: every file written, every JSON
/// output valid against its schema in Schemas/.
@Suite struct CommandRunTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func data(_ path: String) -> String { repository.appendingPathComponent(path).path }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lifecircle-runs-\(UUID().uuidString)").path

    func validate(_ json: String, against schema: String) throws {
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json)))
        let problems = try SchemaValidator(path: Self.data("Schemas/\(schema).schema.json")).problems(in: document)
        #expect(problems.isEmpty, "\(json): \(problems.prefix(10))")
    }

    func names(_ paths: [String]) -> [String] { paths.map { URL(fileURLWithPath: $0).lastPathComponent } }

    @Test func checkOnTheHaidianScenario() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CheckRun.run(.init(
            districts: LayerInput(Self.data("GeoData/demo/haidian_districts.geojson")),
            facilities: LayerInput(Self.data("GeoData/demo/haidian_facilities_gcj02.csv"), from: .gcj02),
            rules: "yinchuan-2020", output: OutputRequest(folder: folder, notes: ["illustrative"])))
        #expect(names(result.written) == ComplianceFiles.names())
        #expect(result.written.allSatisfy { FileManager.default.fileExists(atPath: $0) })
        #expect(result.report.districts.count == 6)
        // Every input recorded with its encoding and how its coordinates were read, in the JSON and the report.
        #expect(result.report.inputs.map { URL(fileURLWithPath: $0.source).lastPathComponent }
                == ["haidian_districts.geojson", "haidian_facilities_gcj02.csv"])
        #expect(result.report.inputs.map(\.crs.source) == [.wgs84, .gcj02])
        #expect(result.report.inputs.allSatisfy { $0.encoding == "UTF-8" })
        let html = try String(contentsOfFile: result.written[3], encoding: .utf8)
        #expect(html.contains("输入数据") && html.contains("GCJ-02（用户指定）") && html.contains("3度带高斯-克吕格投影第39带"))
        try validate(result.written[0], against: "compliance")
    }

    @Test func coverageInAStraightLineAndAlongTheStreets() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let straight = try CoverageRun.run(.init(
            demand: LayerInput(Self.data("GeoData/demo/yinchuan_units_gcj02.geojson"), from: .gcj02),
            facilities: LayerInput(Self.data("GeoData/demo/yinchuan_centres_gcj02_illustrative.geojson"), from: .gcj02),
            rules: "yinchuan-2020", output: OutputRequest(folder: folder + "/straight")))
        #expect(names(straight.written) == CoverageFiles.names())
        try validate(straight.written[0], against: "coverage")

        let network = try CoverageRun.run(.init(
            demand: LayerInput(Self.data("GeoData/demo/haidian_districts.geojson")),
            facilities: LayerInput(Self.data("GeoData/demo/haidian_facilities_gcj02.csv"), from: .gcj02),
            access: AccessRequest(network: LayerInput(Self.data("GeoData/osm/beijing_haidian_wudaokou_2017.osm.pbf")),
                                  profile: "elderly", minutes: 10),
            output: OutputRequest(folder: folder + "/network", format: .gpkg)))
        #expect(names(network.written) == CoverageFiles.names(.gpkg))
        #expect(network.report.summary.method == "network")
        try validate(network.written[0], against: "coverage")
    }

    @Test func siteFiveNewCentres() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try SiteRun.run(.init(
            demand: LayerInput(Self.data("GeoData/demo/yinchuan_units_gcj02.geojson"), from: .gcj02),
            facilities: LayerInput(Self.data("GeoData/demo/yinchuan_centres_gcj02_illustrative.geojson"), from: .gcj02),
            candidates: LayerInput(Self.data("GeoData/demo/yinchuan_candidates_gcj02_illustrative.geojson"), from: .gcj02),
            goal: .addSites(5), rules: "yinchuan-2020", output: OutputRequest(folder: folder)))
        #expect(result.report.selected.count == 5)
        #expect(names(result.written) == SitingFiles.names())
        try validate(result.written[0], against: "siting")
    }

    @Test func theValidatorRejectsWhatBreaksASchema() throws {
        let validator = try SchemaValidator(path: Self.data("Schemas/coverage.schema.json"))
        #expect(!validator.problems(in: ["units": "none"] as [String: Any]).isEmpty)
    }
}
