import LifeCircleGeometry
import LifeCircleIO
import Testing

/// KML, File GDB and DXF go through the same reader; the files were made from facilities_cn.geojson
/// and a small WKT table with ogr2ogr (see GeoData/test/io/README.md).
@Suite struct OtherFormatsTests {
    let names: [AttributeValue] = [.string("海淀区养老院"), .string("五道口社区服务中心"), .string("清华园日间照料站")]

    @Test func kml() throws {
        // ogrinfo -ro -so -al GeoData/test/io/facilities.kml → layer facilities_cn, 3 features, EPSG:4326
        let data = try VectorSource(path: TestData.io("facilities.kml")).read()
        #expect(data.info.name == "facilities_cn")
        #expect(data.info.crs == "EPSG:4326")
        #expect(data.records.map { $0.attributes["名称"] } == names)
        #expect(data.records.map(\.geometry) == [.point(Point(x: 116.30, y: 39.99)), .point(Point(x: 116.33, y: 40.00)), nil])
    }

    @Test func fileGDBFolder() throws {
        // ogrinfo -ro -so -al GeoData/test/io/facilities.gdb → layer 养老设施, Point, 3 features, EPSG:4326
        let source = VectorSource(path: TestData.io("facilities.gdb"))
        let layers = try source.layers()
        #expect(layers.map(\.name) == ["养老设施"])
        #expect(layers.first?.featureCount == 3)
        #expect(layers.first?.crs == "EPSG:4326")
        let data = try source.read()
        #expect(data.records.map { $0.attributes["名称"] } == names)
        #expect(data.records.last?.geometry == nil)
    }

    @Test func dxfFlattensZ() throws {
        // ogrinfo -ro -al -q GeoData/test/io/shapes.dxf → entities: a 46-vertex arc from (0 0) to (2 0),
        // and LINESTRING Z (0 0 5,3 4 6)
        let data = try VectorSource(path: TestData.io("shapes.dxf")).read()
        #expect(data.info.name == "entities")
        #expect(data.records.count == 2)
        let arc = try #require(data.records[0].geometry?.coordinates)
        #expect(arc.count == 46 && arc.first == Coordinate(0, 0) && arc.last == Coordinate(2, 0))
        #expect(data.records[1].geometry == .lineString(LineString([Coordinate(0, 0), Coordinate(3, 4)])))
    }

    @Test func concurrentReadsAgree() async throws {
        // Each read opens its own dataset and captures GDAL's messages on its own thread.
        let path = TestData.io("gbk_no_cpg/facilities.shp")
        let expected = try VectorSource(path: path).read()
        let results = try await withThrowingTaskGroup(of: LayerData.self) { group in
            for _ in 0..<16 { group.addTask { try VectorSource(path: path).read() } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0 == expected })
    }
}
