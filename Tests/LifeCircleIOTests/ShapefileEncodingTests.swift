import Foundation
import LifeCircleGeometry
import LifeCircleIO
import Testing

@Suite struct ShapefileEncodingTests {
    // The names, by 编号, in facilities_cn.geojson and in the GBK shapefile made from it;
    // check: ogrinfo -ro -oo ENCODING=GB18030 GeoData/test/io/gbk_no_cpg/facilities.shp facilities
    let names = ["A01": "海淀区养老院", "A02": "五道口社区服务中心", "A03": "清华园日间照料站"]

    func namesByID(_ data: LayerData) -> [String: String] {
        Dictionary(uniqueKeysWithValues: data.records.map { ($0.attributes["编号"]?.text ?? "", $0.attributes["名称"]?.text ?? "") })
    }

    @Test func gbkShapefileWithoutCpgIsDetected() throws {
        let data = try VectorSource(path: TestData.io("gbk_no_cpg/facilities.shp")).read()
        #expect(data.encoding == "GB18030 (detected)")
        #expect(data.info.name == "facilities")
        #expect(data.info.fields == [
            FieldInfo(name: "编号", type: .string), FieldInfo(name: "名称", type: .string), FieldInfo(name: "户数", type: .integer),
        ])
        #expect(namesByID(data) == names)
        #expect(data.records.map { $0.attributes["户数"] } == [.int(120), .int(85), .null])
        // A03 has no geometry: kept, with geometry nil.
        #expect(data.records.map(\.geometry) == [.point(Point(x: 116.30, y: 39.99)), .point(Point(x: 116.33, y: 40.00)), nil])
        #expect(data.rejections.isEmpty)
        #expect(data.geometrySource == .layer)
    }

    @Test func listingDecodesChineseFieldNames() throws {
        let layers = try VectorSource(path: TestData.io("gbk_no_cpg/facilities.shp")).layers()
        // ogrinfo -ro -so -oo ENCODING=GB18030 GeoData/test/io/gbk_no_cpg/facilities.shp facilities
        #expect(layers == [LayerInfo(
            name: "facilities", featureCount: 3, geometryType: "Point",
            fields: [FieldInfo(name: "编号", type: .string), FieldInfo(name: "名称", type: .string), FieldInfo(name: "户数", type: .integer)],
            crs: "EPSG:4326", extent: Envelope(minX: 116.30, minY: 39.99, maxX: 116.33, maxY: 40.00))])
    }

    @Test func requestedEncodingIsUsed() throws {
        let data = try VectorSource(path: TestData.io("gbk_no_cpg/facilities.shp")).read(options: ReadOptions(encoding: "GBK"))
        #expect(data.encoding == "GBK")
        #expect(namesByID(data) == names)
    }

    @Test func gbkWrittenByUsReadsAsDeclaredThenDetectedWithoutCpg() throws {
        let source = try VectorSource(path: TestData.io("facilities_cn.geojson")).read()
        let folder = try TestData.scratchFolder()
        let shp = folder.appendingPathComponent("设施.shp")
        try VectorWriter.write(source.records, fields: source.info.fields, epsg: 4326, to: shp.path,
                               options: WriteOptions(shapefileEncoding: .gbk))
        let cpg = shp.deletingPathExtension().appendingPathExtension("cpg")
        #expect(try String(contentsOf: cpg, encoding: .utf8) == "GBK")

        let declared = try VectorSource(path: shp.path).read()
        #expect(declared.encoding == "GBK")
        #expect(namesByID(declared) == names)

        try FileManager.default.removeItem(at: cpg)
        let detected = try VectorSource(path: shp.path).read()
        #expect(detected.encoding == "GB18030 (detected)")
        #expect(namesByID(detected) == names)
        #expect(detected.info.fields.map(\.name) == ["编号", "名称", "户数"])
    }

    @Test func utf8ShapefileHasCpgAndShortensLongNamesWhole() throws {
        let folder = try TestData.scratchFolder()
        let shp = folder.appendingPathComponent("facilities.shp").path
        let records = [FeatureRecord(index: 0, geometry: .point(Point(x: 116.3, y: 39.99)), attributes: [
            "名称": .string("海淀区养老院"), "建筑面积_m2": .double(1250.5), "建筑面积": .double(980),
        ])]
        let fields = [FieldInfo(name: "名称", type: .string), FieldInfo(name: "建筑面积_m2", type: .real), FieldInfo(name: "建筑面积", type: .real)]
        let report = try VectorWriter.write(records, fields: fields, epsg: 4490, to: shp)
        #expect(try String(contentsOfFile: folder.appendingPathComponent("facilities.cpg").path, encoding: .utf8) == "UTF-8")
        // A .dbf field name holds 10 bytes; a Chinese character is 3 in UTF-8.
        #expect(report.renamedFields == ["建筑面积_m2": "建筑面", "建筑面积": "建筑_1"])
        #expect(report.warnings.isEmpty)

        let data = try VectorSource(path: shp).read()
        #expect(data.encoding == "UTF-8")
        #expect(data.warnings.isEmpty)
        #expect(data.info.crs == "EPSG:4490")
        #expect(data.info.fields.map(\.name) == ["名称", "建筑面", "建筑_1"])
        #expect(data.records.first?.attributes == ["名称": .string("海淀区养老院"), "建筑面": .double(1250.5), "建筑_1": .double(980)])
    }
}
