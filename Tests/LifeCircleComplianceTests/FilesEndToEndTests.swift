import Foundation
import LifeCircleCRS
import LifeCircleCompliance
import LifeCircleIO
import LifeCircleInput
import LifeCircleNorms
import LifeCircleReport
import Testing

/// From files with Chinese field names to the four outputs, as `lifecircle check` runs it.
@Suite struct FilesEndToEndTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lifecircle-check-\(UUID().uuidString)")

    func write(_ name: String, _ text: String) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func chineseFieldsBowTieAndAllOutputs() throws {
        // Two districts near Yinchuan (CGCS2000 degrees): a 0.002° square, and a bow-tie outline.
        let districts = try write("小区.geojson", """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"编号":"D1","名称":"金凤<一区>","户数":1000,"状态":"新建"},
              "geometry":{"type":"Polygon","coordinates":[[[106.230,38.470],[106.232,38.470],[106.232,38.472],[106.230,38.472],[106.230,38.470]]]}},
             {"type":"Feature","properties":{"编号":"D2","名称":"蝴蝶苑","人口":1500,"状态":"已建"},
              "geometry":{"type":"Polygon","coordinates":[[[106.240,38.470],[106.242,38.472],[106.242,38.470],[106.240,38.472],[106.240,38.470]]]}}]}
            """)
        let facilities = try write("设施.csv", """
            编号,名称,建筑面积,经度,纬度
            F1,一区养老服务站,290,106.231,38.471
            F2,蝴蝶苑服务站,120,106.2415,38.4710
            F3,无坐标,100,,
            """)
        let districtLayer = try InputLoader.load(districts)
        let metric = districtLayer.crs.metric
        let facilityLayer = try InputLoader.load(facilities, options: LoadOptions(metricCRS: metric))
        let pack = try RulePackLibrary.standard.load("yinchuan-2020")
        let report = try ComplianceCheck.run(.init(districts: districtLayer, facilities: facilityLayer, pack: pack))

        // D1: 1,000 households, new: 300 m² required, 290 provided.
        #expect(report.district("D1").name == "金凤<一区>")
        #expect(report.district("D1").shortfallM2 == 10)
        // D2: the bow-tie is repaired (two triangles) and kept; 1,500 ÷ 3 = 500 households, 100 m²
        // required; F2 at (106.2415, 38.4710) lies in the right-hand triangle.
        #expect(report.repaired.map(\.id) == ["D2"])
        #expect(report.district("D2").households == 500)
        #expect(report.district("D2").providedFloorAreaM2 == 120)
        #expect(report.district("D2").check("YC-OLD")?.outcome == .pass)
        #expect(report.district("D2").check("YC-SITE")?.outcome == .fail)
        #expect(report.rejected.map(\.id) == ["F3"])
        #expect(report.assumptions.crs.metric == .epsg(4544))

        let out = folder.appendingPathComponent("out").path
        let paths = try ComplianceFiles.write(report, districts: districtLayer, facilities: facilityLayer, to: out)
        #expect(paths.count == 4)

        // compliance.json carries the schema's required keys, snake_case.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: paths[0]))) as! [String: Any]
        for key in ["rules", "districts", "summary", "assumptions", "rejected", "repaired"] { #expect(json[key] != nil, "\(key)") }
        // Each check names its rule; the rule's citation is written once, in rules.citations.
        let citations = try #require((json["rules"] as? [String: Any])?["citations"] as? [String: [String: Any]])
        let checkRules = (json["districts"] as! [[String: Any]]).flatMap { ($0["checks"] as! [[String: Any]]).map { $0["rule"] as! String } }
        #expect(Set(checkRules) == ["YC-NEW", "YC-OLD", "YC-SITE"])
        for rule in checkRules { #expect(citations[rule]?["phrase"] is String, "\(rule)") }
        #expect(!String(decoding: try Data(contentsOf: URL(fileURLWithPath: paths[0])), as: UTF8.self).contains("\"citation\":"))
        let first = (json["districts"] as! [[String: Any]])[0]
        for key in ["id", "name", "status", "households", "required_floor_area_m2", "provided_floor_area_m2", "shortfall_m2", "checks"] {
            #expect(first[key] != nil, "\(key)")
        }

        // The GeoJSON is WGS 84 again, around Yinchuan, with the outcome per district.
        let geo = try VectorSource(path: paths[1]).read()
        #expect(geo.records.count == 2)
        #expect(geo.records[0].attributes["outcome"]?.text == "fail")
        let lon = try #require(geo.records[0].geometry?.coordinates.first?.x)
        #expect(abs(lon - 106.23) < 0.001)

        // The CSV opens in Excel with its Chinese intact: UTF-8 with a BOM.
        let csv = try Data(contentsOf: URL(fileURLWithPath: paths[2]))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: csv, as: UTF8.self).contains("蝴蝶苑"))

        // The report is Chinese by default, escapes names, and holds its map.
        let html = try String(contentsOfFile: paths[3], encoding: .utf8)
        #expect(html.contains("lang=\"zh-CN\""))
        #expect(html.contains("金凤&lt;一区&gt;"))
        #expect(html.contains("<svg"))
        #expect(html.contains("未达标"))
        #expect(html.contains("每百户不少于30平方米"))
        #expect(!html.contains("http://") && !html.contains("https://"))

        let english = folder.appendingPathComponent("en").path
        let enPaths = try ComplianceFiles.write(report, districts: districtLayer, facilities: facilityLayer, to: english, language: .en)
        let englishHTML = try String(contentsOfFile: enPaths[3], encoding: .utf8)
        #expect(englishHTML.contains("lang=\"en\""))
        #expect(englishHTML.contains("Elderly-care facility provision"))
        #expect(!englishHTML.contains("未达标"))
    }
}
