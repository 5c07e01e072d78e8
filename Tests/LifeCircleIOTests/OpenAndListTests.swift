import Foundation
import LifeCircleGeometry
import LifeCircleIO
import Testing

@Suite struct OpenAndListTests {
    @Test func missingFileNamesTheFile() throws {
        let path = TestData.io("no_such_file.shp")
        let error = try #require(throws: IOError.self) { try VectorSource(path: path).read() }
        guard case .cannotOpen = error else {
            Issue.record("expected cannotOpen, got \(error)")
            return
        }
        #expect(error.description.contains(path))
    }

    @Test func unknownLayerListsTheLayers() throws {
        let error = try #require(throws: IOError.self) {
            try VectorSource(path: TestData.io("facilities_cn.geojson")).read(layer: "roads")
        }
        #expect(error == .layerNotFound(path: TestData.io("facilities_cn.geojson"), layer: "roads", available: ["facilities_cn"]))
    }

    @Test func osmLayersAndHighways() throws {
        let source = VectorSource(path: TestData.wudaokouPBF)
        #expect(try source.layers().map(\.name) == ["points", "lines", "multilinestrings", "multipolygons", "other_relations"])

        let lines = try source.read(layer: "lines")
        #expect(lines.info.crs == "EPSG:4326")
        #expect(lines.geometrySource == .layer)
        // ogrinfo -ro -q GeoData/osm/beijing_haidian_wudaokou_2017.osm.pbf lines | grep -c '^OGRFeature'  → 703
        #expect(lines.records.count == 703)
        #expect(lines.rejections.isEmpty)
        // ogrinfo -ro GeoData/osm/beijing_haidian_wudaokou_2017.osm.pbf -sql "SELECT COUNT(*) FROM lines WHERE highway IS NOT NULL"  → 678
        #expect(lines.records.filter { !($0.attributes["highway"] ?? .null).isEmpty }.count == 678)
        // Tags without a column of their own stay in one string.
        #expect(lines.info.fields.first { $0.name == "other_tags" }?.type == .string)
        #expect(lines.records.contains { $0.attributes["other_tags"] == .string("\"maxspeed\"=>\"30\"") })
        // x is longitude. The ways' extent, from ogr2ogr -f GeoJSON lines.geojson <pbf> lines and the
        // min/max of its coordinates: 116.2642539–116.3673794, 39.9142835–40.0223573.
        let extent = try #require(Envelope(of: lines.records.compactMap(\.geometry).flatMap(\.coordinates)))
        #expect(abs(extent.minX - 116.2642539) < 1e-7 && abs(extent.maxX - 116.3673794) < 1e-7)
        #expect(abs(extent.minY - 39.9142835) < 1e-7 && abs(extent.maxY - 40.0223573) < 1e-7)
        #expect(lines.records.allSatisfy { if case .lineString? = $0.geometry { true } else { false } })
    }
}
