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

    /// Runs of three or more English words in a Chinese report's text (its markup, styles and the
    /// user's notes left out): a sentence the report forgot to say in Chinese. File names, codes,
    /// rule ids and OSM tags are single words.
    func englishSentences(inReport path: String, notes: [String] = []) throws -> [String] {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "<style[^<]*</style>", with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: "<[^>]+>", with: "\n", options: .regularExpression)
        for note in notes { text = text.replacingOccurrences(of: note, with: " ") }
        let pattern = try NSRegularExpression(pattern: "[A-Za-z]{2,}(?:[ ,'’-]+[A-Za-z]{2,}){2,}")
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).map { String(text[Range($0.range, in: text)!]) }
    }

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
        #expect(try englishSentences(inReport: result.written[3], notes: ["illustrative"]) == [])
    }

    @Test func coverageInAStraightLineAndAlongTheStreets() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let straight = try CoverageRun.run(.init(
            demand: LayerInput(Self.data("GeoData/demo/yinchuan_units_gcj02.geojson"), from: .gcj02),
            facilities: LayerInput(Self.data("GeoData/demo/yinchuan_centres_gcj02_illustrative.geojson"), from: .gcj02),
            rules: "yinchuan-2020", output: OutputRequest(folder: folder + "/straight")))
        #expect(names(straight.written) == CoverageFiles.names())
        try validate(straight.written[0], against: "coverage")
        #expect(try englishSentences(inReport: straight.written.last!) == [])
        // YC-COV-R counts 幸福院 / 老饭桌 only, and none of the illustrative centres is one: said, with the count.
        let villages = try #require(straight.report.summary.targets.first { $0.rule == "YC-COV-R" })
        #expect(villages.facilitiesOfKind == 0 && villages.facilityLabels?.contains("幸福院") == true)
        #expect(try String(contentsOfFile: straight.written.last!, encoding: .utf8).contains("47 处设施中 0 处属此类"))

        let network = try CoverageRun.run(.init(
            demand: LayerInput(Self.data("GeoData/demo/haidian_districts.geojson")),
            facilities: LayerInput(Self.data("GeoData/demo/haidian_facilities_gcj02.csv"), from: .gcj02),
            access: AccessRequest(network: LayerInput(Self.data("GeoData/osm/beijing_haidian_wudaokou_2017.osm.pbf")),
                                  profile: "elderly", minutes: 10),
            output: OutputRequest(folder: folder + "/network", format: .gpkg)))
        #expect(names(network.written) == CoverageFiles.names(.gpkg))
        #expect(network.report.summary.method == "network")
        try validate(network.written[0], against: "coverage")
        #expect(try englishSentences(inReport: network.written.last!) == [])
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
        #expect(try englishSentences(inReport: result.written.last!) == [])
    }

    @Test func theEnglishFinderFindsEnglish() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lifecircle-en-\(UUID().uuidString).html").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "<style>p { color: red }</style><p>覆盖率 EPSG:4544 haidian_districts.geojson</p><p>kept the largest of 3 components</p>"
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try englishSentences(inReport: path) == ["kept the largest of"])
    }

    @Test func theValidatorRejectsWhatBreaksASchema() throws {
        let validator = try SchemaValidator(path: Self.data("Schemas/coverage.schema.json"))
        #expect(!validator.problems(in: ["units": "none"] as [String: Any]).isEmpty)
    }
}
