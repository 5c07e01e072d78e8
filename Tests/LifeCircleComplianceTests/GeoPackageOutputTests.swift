import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LifeCircleCompliance
import LifeCircleIO
import LifeCircleOutput
import Testing

/// `--format gpkg`: one GeoPackage with the result layers and their QGIS styles.
@Suite struct GeoPackageOutputTests {
    /// Runs GDAL's ogr2ogr (an independent reader) and returns the layer as GeoJSON.
    func layerAsGeoJSON(_ path: String, _ layer: String) throws -> [[String: Any]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ogr2ogr", "-f", "GeoJSON", "/vsistdout/", path, layer]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        return (json["features"] as! [[String: Any]]).map { $0["properties"] as! [String: Any] }
    }

    @Test func resultLayersOpenStyledInQGIS() throws {
        let districts = [
            Fixture.district("D1", at: 0, ["households": .int(1000), "status": .string("new")]),
            Fixture.district("D2", at: 200, ["households": .int(300), "status": .string("existing")]),
        ]
        let facilities = [Fixture.facility("F1", in: 0, ["floor_area_m2": .int(290)]),
                          Fixture.facility("F2", in: 200, ["floor_area_m2": .int(250)])]
        let report = try Fixture.check("yinchuan-2020", districts: districts, facilities: facilities)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lifecircle-gpkg-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let paths = try ComplianceFiles.write(report, districts: Fixture.layer("districts", districts),
                                              facilities: Fixture.layer("facilities", facilities), to: folder, format: .gpkg)
        #expect(paths.map { URL(fileURLWithPath: $0).lastPathComponent } == ["compliance.json", "compliance.gpkg", "compliance.csv", "report.html"])
        let gpkg = paths[1]

        let districtRows = try layerAsGeoJSON(gpkg, "districts")
        #expect(districtRows.map { $0["outcome"] as? String } == ["fail", "pass"])
        let facilityRows = try layerAsGeoJSON(gpkg, "facilities")
        #expect(facilityRows.map { $0["district_id"] as? String } == ["D1", "D2"])

        // One default style per layer, its QML a categorized renderer on outcome with Chinese labels.
        let styles = try layerAsGeoJSON(gpkg, "layer_styles")
        #expect(Set(styles.map { $0["f_table_name"] as! String }) == ["districts", "facilities"])
        #expect(styles.allSatisfy { ($0["useAsDefault"] as? Int) == 1 && ($0["f_geometry_column"] as? String) == "geom" })
        let qml = try #require(styles.first { $0["f_table_name"] as? String == "districts" }?["styleQML"] as? String)
        let parsed = QMLSummary(qml)
        #expect(parsed.valid)
        #expect(parsed.renderer == "categorizedSymbol" && parsed.attribute == "outcome")
        #expect(parsed.categories.map(\.value) == ["pass", "fail", "insufficient-data", "not-applicable"])
        #expect(parsed.categories.map(\.label) == ["达标", "未达标", "数据不足", "不适用"])
        #expect(parsed.symbols == 4)
    }
}

/// What a QML document holds, read with Foundation's XML parser.
final class QMLSummary: NSObject, XMLParserDelegate {
    var valid = false
    var renderer = "", attribute = ""
    var categories: [(value: String, label: String)] = []
    var symbols = 0

    init(_ qml: String) {
        super.init()
        let parser = XMLParser(data: Data(qml.utf8))
        parser.delegate = self
        valid = parser.parse()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        switch name {
        case "renderer-v2": (renderer, attribute) = (attributes["type"] ?? "", attributes["attr"] ?? "")
        case "category": categories.append((attributes["value"] ?? "", attributes["label"] ?? ""))
        case "symbol": symbols += 1
        default: break
        }
    }
}
