import Foundation
import LifeCircleCRS
import LifeCircleGeometry
import LifeCircleIO
import LifeCircleInput
import Testing

@Suite struct InspectAndConvertTests {
    @Test func beijingOSMLayers() throws {
        // ogrinfo -ro -so …/beijing_haidian_wudaokou_2017.osm.pbf <layer> gives these counts.
        let report = try Inspector.inspect(dataPath("osm/beijing_haidian_wudaokou_2017.osm.pbf"))
        let counts = Dictionary(uniqueKeysWithValues: report.layers.map { ($0.name, $0.featureCount) })
        #expect(counts == ["points": 673, "lines": 703, "multilinestrings": 101, "multipolygons": 652, "other_relations": 41])
        let lines = try #require(report.layers.first { $0.name == "lines" })
        #expect(lines.declaredCRS == "EPSG:4326")
        #expect(lines.metricCRS?.hasPrefix("EPSG:4548") == true)
        #expect(lines.fields.contains { $0.name == "highway" })
        #expect(lines.invalid.isEmpty)
    }

    @Test func helsinkiAndSuzhou() throws {
        let helsinki = try Inspector.inspect(dataPath("osm/helsinki_2019.osm.pbf"), layer: "multipolygons")
        #expect(helsinki.layers[0].invalid.count == 50)
        #expect(helsinki.layers[0].metricCRS?.hasPrefix("EPSG:32635") == true)
        let suzhou = try Inspector.inspect(dataPath("china/suzhou_buildings_floors_pybdshadow.geojson"))
        #expect(suzhou.layers[0].featureCount == 3076)
        #expect(suzhou.layers[0].geometryTypes == ["Polygon": 3075, "MultiPolygon": 1])
        #expect(suzhou.layers[0].fields.map(\.name).contains("Floor"))
    }

    @Test func gcj02ToCGCS2000AndBackIsWithinACentimetre() throws {
        let source = dataPath("china/yinchuan_districts_gcj02.geojson")
        let folder = try scratchFolder()
        let gpkg = folder.appendingPathComponent("districts.gpkg").path
        let there = try FileConversion.convert(source, to: gpkg, from: .gcj02, target: .cgcs2000)
        #expect(there.written == 6 && there.rejected.isEmpty)
        // A GeoPackage keeps ring orientation as written (RFC 7946 GeoJSON would reorient rings).
        let back = folder.appendingPathComponent("back.gpkg").path
        let returned = try FileConversion.convert(gpkg, to: back, target: .gcj02)
        #expect(returned.sourceCRS == "EPSG:4490")
        #expect(returned.notes.contains { $0.contains("declares no CRS") })

        let original = try VectorSource(path: source).read().records
        let roundTrip = try VectorSource(path: back).read().records
        #expect(original.count == roundTrip.count)
        var worst = 0.0
        for (a, b) in zip(original, roundTrip) {
            #expect(a.attributes["name"] == b.attributes["name"])
            for (p, q) in zip(a.geometry!.coordinates, b.geometry!.coordinates) {
                // Degrees to metres at 38.5°N.
                let dx = (p.x - q.x) * 111_320 * cos(38.5 * .pi / 180), dy = (p.y - q.y) * 110_540
                worst = max(worst, (dx * dx + dy * dy).squareRoot())
            }
        }
        #expect(worst < 0.01)
        // And the CGCS2000 file really moved: GCJ-02 is offset by hundreds of metres there.
        let moved = try VectorSource(path: gpkg).read().records[0].geometry!.coordinates[0]
        let first = original[0].geometry!.coordinates[0]
        #expect(abs(moved.x - first.x) * 87_000 > 100)
    }

    @Test func convertRefusesAProjectedGeoJSONAndUpdatesAStaleCoordinateSystemField() throws {
        let source = try writeFile("amap.csv", "name,coord_sys,lon,lat\n站,GCJ-02,106.231,38.471\n")
        let folder = try scratchFolder()
        // GeoJSON holds WGS 84 only: EPSG:4548 is refused, not written as WGS 84 under its name.
        let projected = folder.appendingPathComponent("x.geojson").path
        let error = try #require(throws: IOError.self) { try FileConversion.convert(source, to: projected, from: .gcj02, target: .epsg(4548)) }
        #expect("\(error)".contains("WGS 84 longitude/latitude only") && !FileManager.default.fileExists(atPath: projected))
        // The coord_sys attribute follows the coordinates, so inspect does not advise a second correction.
        let gpkg = folder.appendingPathComponent("x.gpkg").path
        _ = try FileConversion.convert(source, to: gpkg, from: .gcj02, target: .cgcs2000)
        #expect(try VectorSource(path: gpkg).read().records[0].attributes["coord_sys"]?.text == "EPSG:4490")
    }
}
