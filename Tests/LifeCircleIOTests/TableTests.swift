import Foundation
import LifeCircleGeometry
import LifeCircleIO
import Testing

@Suite struct TableTests {
    @Test func csvWithChineseCoordinateColumns() throws {
        let path = TestData.io("elderly_points.csv")
        let data = try VectorSource(path: path).read()
        #expect(data.encoding == "UTF-8")
        #expect(data.geometrySource == .columns(.xy(x: "经度", y: "纬度")))
        // ogrinfo -ro -al -q GeoData/test/io/elderly_points.csv | grep -c OGRFeature  → 5 rows
        #expect(data.records.count + data.rejections.count == 5)
        #expect(data.records.map { $0.attributes["编号"] } == [.string("P1"), .string("P2"), .string("P5")])
        #expect(data.records.map(\.index) == [0, 1, 4])
        #expect(data.records.map(\.geometry) == [
            .point(Point(x: 116.3101, y: 39.9912)), .point(Point(x: 116.3378, y: 39.9925)), .point(Point(x: 116.3367, y: 40.0089)),
        ])
        // CSV cells stay text: ids like "001" keep their zeros; numbers are parsed where needed.
        #expect(data.records[0].attributes["床位"] == .string("120"))
        #expect(data.records[2].attributes["床位"] == .string(""))
        #expect(data.rejections == [
            Rejection(source: path, layer: "elderly_points", index: 2, id: "P3", reason: "missing coordinates: 经度 is empty"),
            Rejection(source: path, layer: "elderly_points", index: 3, id: "P4", reason: "unparsable number \"abc\" in column 纬度"),
        ])
    }

    @Test func explicitCoordinateColumns() throws {
        let path = TestData.io("elderly_points.csv")
        let data = try VectorSource(path: path).read(options: ReadOptions(xColumn: " 经度", yColumn: "纬度"))
        #expect(data.geometrySource == .columns(.xy(x: "经度", y: "纬度")))
        #expect(data.records.count == 3)

        let error = try #require(throws: IOError.self) {
            try VectorSource(path: path).read(options: ReadOptions(xColumn: "东经度"))
        }
        #expect(error.description.contains(path))
        #expect(error.description.contains("no column \"东经度\""))
    }

    @Test func gbkCSVIsRecoded() throws {
        // iconv -f UTF-8 -t GBK made it; the CSV driver has no ENCODING option, so GDAL's CPLRecode converts it.
        let data = try VectorSource(path: TestData.io("gbk_table.csv")).read()
        #expect(data.encoding == "GB18030 (detected)")
        #expect(data.info.fields.map(\.name) == ["名称", "lng", "lat"])
        #expect(data.records.map { $0.attributes["名称"] } == [.string("海淀区第一养老院"), .string("五道口日间照料中心")])
        #expect(data.records.first?.geometry == .point(Point(x: 116.3101, y: 39.9912)))
    }

    @Test func wktColumn() throws {
        let path = TestData.io("wkt_table.csv")
        let data = try VectorSource(path: path).read()
        #expect(data.geometrySource == .columns(.wkt("WKT")))
        // ogrinfo -ro -al -q GeoData/test/io/wkt_table.csv | grep -c OGRFeature  → 6 rows
        #expect(data.records.count + data.rejections.count == 6)
        #expect(data.records.map { $0.attributes["id"] } == [.string("1"), .string("2"), .string("3"), .string("4")])
        #expect(data.records[0].geometry == .point(Point(x: 116.31, y: 39.99)))
        #expect(data.records[1].geometry == .polygon(Polygon(exterior: [
            Coordinate(116.30, 39.99), Coordinate(116.31, 39.99), Coordinate(116.31, 40.00), Coordinate(116.30, 39.99),
        ])))
        // The circular arc comes linearised, from (0 0) through (1 1) to (2 0).
        guard case .lineString(let arc)? = data.records[2].geometry else {
            Issue.record("expected a line, got \(String(describing: data.records[2].geometry))")
            return
        }
        #expect(arc.coordinates.count > 3)
        #expect(arc.coordinates.first == Coordinate(0, 0) && arc.coordinates.last == Coordinate(2, 0))
        #expect(arc.coordinates.allSatisfy { abs(($0.x - 1) * ($0.x - 1) + $0.y * $0.y - 1) < 1e-9 })
        #expect(data.records[3].geometry == .multiPolygon([Polygon(exterior: [
            Coordinate(0, 0), Coordinate(0, 1), Coordinate(1, 0), Coordinate(0, 0),
        ])]))
        #expect(data.rejections == [
            Rejection(source: path, layer: "wkt_table", index: 4, id: "5", reason: "unparsable WKT \"POLYGON ((1 2\" in column WKT"),
            Rejection(source: path, layer: "wkt_table", index: 5, id: "6", reason: "missing coordinates: WKT is empty"),
        ])
    }

    @Test func xlsxWithNumericCells() throws {
        // ogrinfo -ro GeoData/test/io/tables.xlsx 设施: lng/lat are Real, 户数 Integer, 3 rows, the third without lat.
        let path = TestData.io("tables.xlsx")
        let data = try VectorSource(path: path).read(layer: "设施")
        #expect(data.geometrySource == .columns(.xy(x: "lng", y: "lat")))
        #expect(data.info.fields == [
            FieldInfo(name: "名称", type: .string), FieldInfo(name: "lng", type: .real),
            FieldInfo(name: "lat", type: .real), FieldInfo(name: "户数", type: .integer),
        ])
        #expect(data.records.map(\.geometry) == [.point(Point(x: 116.3101, y: 39.9912)), .point(Point(x: 116.3378, y: 39.9925))])
        #expect(data.records.map { $0.attributes["户数"] } == [.int(1200), .int(860)])
        #expect(data.rejections == [
            Rejection(source: path, layer: "设施", index: 2, id: nil, reason: "missing coordinates: lat is empty"),
        ])
    }

    @Test func xlsxWithTextCellsKeepsItsHeader() throws {
        // GDAL alone reads this all-text sheet as Field1..Field3 with the header as a row
        // (ogrinfo -ro GeoData/test/io/tables.xlsx 文本坐标); LifeCircle reads the first row as the header.
        let data = try VectorSource(path: TestData.io("tables.xlsx")).read(layer: "文本坐标")
        #expect(data.info.fields.map(\.name) == ["name", "x", "y"])
        #expect(data.records.map(\.geometry) == [.point(Point(x: 116.30, y: 39.99)), .point(Point(x: 116.31, y: 40.00))])
    }

    @Test func severalSheetsNeedALayerName() throws {
        let error = try #require(throws: IOError.self) { try VectorSource(path: TestData.io("tables.xlsx")).read() }
        #expect(error == .layerRequired(path: TestData.io("tables.xlsx"), available: ["设施", "文本坐标"]))
    }
}
