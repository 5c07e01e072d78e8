import Foundation
import LifeCircleGeometry
import LifeCircleIO
import Testing

@Suite struct WriterTests {
    let fields = [FieldInfo(name: "名称", type: .string), FieldInfo(name: "床位", type: .integer), FieldInfo(name: "面积", type: .real)]
    let points = [
        FeatureRecord(index: 0, geometry: .point(Point(x: 116.3101, y: 39.9912)),
                      attributes: ["名称": .string("海淀区第一养老院"), "床位": .int(120), "面积": .double(2450.5)]),
        FeatureRecord(index: 1, geometry: .point(Point(x: 116.3378, y: 39.9925)),
                      attributes: ["名称": .string("五道口日间照料中心"), "床位": .null, "面积": .double(380)]),
    ]

    @Test func unknownExtensionIsAClearError() throws {
        let error = try #require(throws: IOError.self) {
            try VectorWriter.write(points, fields: fields, epsg: 4326, to: "/tmp/out.xyz")
        }
        #expect(error.description == "cannot write /tmp/out.xyz: unknown output format; use one of .geojson, .json, .gpkg, .shp, .csv")
    }

    @Test func badEPSGKeepsTheExistingFile() throws {
        let path = try TestData.scratchFolder().appendingPathComponent("facilities.gpkg").path
        try VectorWriter.write(points, fields: fields, epsg: 4490, to: path)
        let error = try #require(throws: IOError.self) { try VectorWriter.write(points, fields: fields, epsg: 999999, to: path) }
        guard case .unknownEPSG(code: 999999, _) = error else {
            Issue.record("expected unknownEPSG, got \(error)")
            return
        }
        #expect(try VectorSource(path: path).read().records.count == 2)
    }

    @Test func csvHasBOMAndXYColumns() throws {
        let folder = try TestData.scratchFolder()
        let path = folder.appendingPathComponent("养老设施.csv").path
        let report = try VectorWriter.write(points, fields: fields, epsg: 4326, to: path)
        #expect(report.warnings.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["养老设施.csv"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("X,Y,名称,床位,面积"))

        let back = try VectorSource(path: path).read()
        #expect(back.geometrySource == .columns(.xy(x: "X", y: "Y")))
        #expect(back.records.map(\.geometry) == points.map(\.geometry))
        #expect(back.records.map { $0.attributes["名称"] } == [.string("海淀区第一养老院"), .string("五道口日间照料中心")])
    }

    @Test func csvOfPolygonsHasWKT() throws {
        let path = try TestData.scratchFolder().appendingPathComponent("parcels.csv").path
        let square = Geometry.polygon(Polygon(exterior: [Coordinate(0, 0), Coordinate(10, 0), Coordinate(10, 10), Coordinate(0, 0)]))
        try VectorWriter.write([FeatureRecord(index: 0, geometry: square, attributes: ["名称": .string("地块")])],
                               fields: [fields[0]], epsg: 4547, to: path)
        let back = try VectorSource(path: path).read()
        #expect(back.geometrySource == .columns(.wkt("WKT")))
        #expect(back.records.first?.geometry == square)
    }

    @Test func geoJSONIsWGS84LongitudeFirst() throws {
        // The notes' check: (114.0548, 22.5431) in CGCS2000 is E 505636.967 N 2493941.126 in EPSG:4547,
        // whose axes are northing first; RFC 7946 output must come back as longitude, latitude.
        let path = try TestData.scratchFolder().appendingPathComponent("site.geojson").path
        let site = FeatureRecord(index: 0, geometry: .point(Point(x: 505636.967, y: 2493941.126)), attributes: ["名称": .string("福田")])
        try VectorWriter.write([site], fields: [fields[0]], epsg: 4547, to: path)
        let back = try VectorSource(path: path).read()
        #expect(back.info.crs == "EPSG:4326")
        let point = try #require(back.records.first?.geometry?.coordinates.first)
        #expect(abs(point.x - 114.0548) < 1e-6 && abs(point.y - 22.5431) < 1e-6)
        #expect(back.records.first?.attributes["名称"] == .string("福田"))
    }

    @Test func geoPackageKeepsCRSTypesAndIsOverwritten() throws {
        let path = try TestData.scratchFolder().appendingPathComponent("facilities.gpkg").path
        try VectorWriter.write(points, fields: fields, epsg: 4490, to: path)
        try VectorWriter.write(Array(points.prefix(1)), fields: fields, epsg: 4490, to: path)
        let back = try VectorSource(path: path).read()
        #expect(back.info.crs == "EPSG:4490")
        #expect(back.info.fields == fields)
        #expect(back.records.count == 1)
        #expect(back.records.first?.attributes == points[0].attributes)
        #expect(back.records.first?.geometry == points[0].geometry)
    }

    @Test func mixedPolygonsAreWrittenAsMultiPolygons() throws {
        let path = try TestData.scratchFolder().appendingPathComponent("parcels.gpkg").path
        let ring = [Coordinate(0, 0), Coordinate(1, 0), Coordinate(1, 1), Coordinate(0, 0)]
        let records = [
            FeatureRecord(index: 0, geometry: .polygon(Polygon(exterior: ring)), attributes: [:]),
            FeatureRecord(index: 1, geometry: .multiPolygon([Polygon(exterior: ring), Polygon(exterior: ring.map { Coordinate($0.x + 2, $0.y) })]), attributes: [:]),
        ]
        let report = try VectorWriter.write(records, fields: [], epsg: 4547, to: path)
        #expect(report.warnings.isEmpty)
        let back = try VectorSource(path: path).read()
        #expect(back.info.geometryType == "Multi Polygon")
        #expect(back.records.map(\.geometry) == [.multiPolygon([Polygon(exterior: ring)]), records[1].geometry])
    }

    @Test func failedWriteLeavesNoFile() throws {
        let folder = try TestData.scratchFolder()
        let path = folder.appendingPathComponent("mixed.shp").path
        let records = [
            FeatureRecord(index: 0, geometry: .lineString(LineString([Coordinate(0, 0), Coordinate(1, 1)])), attributes: [:]),
            FeatureRecord(index: 1, geometry: .point(Point(x: 0, y: 0)), attributes: [:]),
        ]
        let error = try #require(throws: IOError.self) { try VectorWriter.write(records, fields: [], epsg: 4547, to: path) }
        #expect(error.description.hasPrefix("cannot write \(path): feature 1: "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func geoJSONFeaturesRoundTrip() throws {
        let json = try Data(contentsOf: URL(fileURLWithPath: TestData.io("facilities_cn.geojson")))
        let collection = try JSONDecoder().decode(FeatureCollection.self, from: json)
        let path = try TestData.scratchFolder().appendingPathComponent("facilities.gpkg").path
        try VectorWriter.write(collection.features,
                               fields: [FieldInfo(name: "编号", type: .string), FieldInfo(name: "名称", type: .string), FieldInfo(name: "户数", type: .integer)],
                               epsg: 4326, to: path)
        let back = try VectorSource(path: path).read()
        #expect(back.records.map { $0.attributes["名称"] } == [.string("海淀区养老院"), .string("五道口社区服务中心"), .string("清华园日间照料站")])
        #expect(back.records.map { $0.attributes["户数"] } == [.int(120), .int(85), .null])
        #expect(back.records.map(\.geometry) == collection.features.map(\.geometry))
    }
}
