import LifeCircleCRS
import LifeCircleGeometry
import LifeCircleIO
import LifeCircleInput
import Testing

/// Values no real feature has, and geometries of the wrong kind: each feature rejected with the
/// field and the reason, the rest used; headers with units recognised.
@Suite struct BadValueTests {
    @Test func negativeInfiniteAndAbsurdNumbersRejectThatFeatureNamingTheField() throws {
        let path = try writeFile("设施.csv", """
            编号,建筑面积（㎡）,床位数,设施类型,经度,纬度
            F1,290,20,日间照料中心,106.231,38.471
            F2,-260,10,站点,106.232,38.471
            F3,300,inf,站点,106.233,38.471
            F4,1e15,5,站点,106.234,38.471
            F5,,8,站点,106.235,38.471
            """)
        let layer = try InputLoader.load(path, options: LoadOptions(sourceCRS: .cgcs2000))
        // 建筑面积（㎡） and 床位数 are read as floor_area_m2 and capacity, 设施类型 as kind.
        #expect(layer.fieldMapping["floor_area_m2"] == "建筑面积（㎡）")
        #expect(layer.fieldMapping["capacity"] == "床位数")
        #expect(layer.fieldMapping["kind"] == "设施类型")
        #expect(layer.features.map(\.id) == ["F1", "F5"])
        let reasons = Dictionary(uniqueKeysWithValues: layer.rejections.map { ($0.id ?? "", $0.reason) })
        #expect(reasons["F2"] == "建筑面积（㎡） (floor_area_m2) is -260: negative")
        #expect(reasons["F3"]?.hasPrefix("床位数 (capacity) is inf: not a finite number") == true)
        #expect(reasons["F4"]?.contains("beyond any real value") == true)
        // Every row accounted for: two used, three rejected.
        #expect(layer.features.count + layer.rejections.count == 5)
    }

    @Test func aLineOrPointWhereAnAreaIsNeededIsRejectedAndACollectionKeepsItsPolygons() throws {
        let path = try writeFile("districts.geojson", """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"id":"D1"},"geometry":{"type":"Polygon","coordinates":[[[106.23,38.47],[106.232,38.47],[106.232,38.472],[106.23,38.47]]]}},
             {"type":"Feature","properties":{"id":"D2"},"geometry":{"type":"LineString","coordinates":[[106.24,38.47],[106.25,38.48]]}},
             {"type":"Feature","properties":{"id":"D3"},"geometry":{"type":"Point","coordinates":[106.24,38.47]}},
             {"type":"Feature","properties":{"id":"D4"},"geometry":{"type":"GeometryCollection","geometries":[
               {"type":"Polygon","coordinates":[[[106.26,38.47],[106.262,38.47],[106.262,38.472],[106.26,38.47]]]},
               {"type":"Point","coordinates":[106.27,38.47]}]}}]}
            """)
        var options = LoadOptions()
        options.geometry = .areas
        let layer = try InputLoader.load(path, options: options)
        #expect(layer.features.map(\.id) == ["D1", "D4"])
        #expect(layer.rejections.map(\.reason) == ["a LineString, where an area (polygon) is needed",
                                                   "a Point, where an area (polygon) is needed"])
        #expect(layer.repairs.map(\.id) == ["D4"])
        #expect(layer.repairs.first?.reason.contains("1 part(s) that are not areas left out (Point)") == true)
        #expect(layer.features[1].geometry.polygons.count == 1)
    }

    @Test func pointsGivenAsDistrictsAreRefusedWithTheFirstReasons() throws {
        // Facilities passed where districts go: every feature is a point.
        let path = try writeFile("facilities.csv", "编号,经度,纬度\nF1,106.231,38.471\nF2,106.232,38.471\n")
        var options = LoadOptions(sourceCRS: .cgcs2000)
        options.geometry = .areas
        let error = try #require(throws: InputError.self) { try InputLoader.load(path, options: options) }
        #expect("\(error)".contains("facilities.csv"))
        #expect("\(error)".contains("all 2 were rejected, e.g. feature F1: a Point, where an area (polygon) is needed"))
    }

    @Test func baiduCoordinatesOutsideChinaAreLeftAsTheyAre() throws {
        // Helsinki: Baidu, like Amap, serves plain WGS 84 abroad; no offset either way.
        let helsinki = Coordinate(x: 24.9384, y: 60.1699)
        let converter = try CoordinateConverter(from: .bd09, to: .wgs84)
        let converted = try converter.convert(helsinki)
        #expect(abs(converted.x - helsinki.x) < 1e-12 && abs(converted.y - helsinki.y) < 1e-12)
        // Inside China the offset stays: Beijing moves by hundreds of metres.
        let beijing = try converter.convert(Coordinate(x: 116.404, y: 39.915))
        #expect(abs(beijing.x - 116.404) > 0.005)
    }

    @Test func anAttributeNamedTwoWaysIsReadFromWhicheverAFeatureHas() throws {
        // floor_area_m2 on F1, 建筑面积 on F2; an empty Name (as KML's driver gives) beside a filled 名称.
        let path = try writeFile("mixed.geojson", """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"id":"F1","Name":"","名称":"一区站","floor_area_m2":290},"geometry":{"type":"Point","coordinates":[106.231,38.471]}},
             {"type":"Feature","properties":{"id":"F2","Name":"二区站","名称":"","建筑面积":120},"geometry":{"type":"Point","coordinates":[106.232,38.471]}}]}
            """)
        let layer = try InputLoader.load(path)
        #expect(layer.features.map { layer.value("floor_area_m2", of: $0)?.number } == [290, 120])
        #expect(layer.features.map { layer.value("name", of: $0)?.text } == ["一区站", "二区站"])
        #expect(layer.warnings.contains("1 features have no floor_area_m2 and take floor_area_m2 from 建筑面积"))
        #expect(layer.warnings.contains("1 features have no Name and take name from 名称"))
    }

    @Test func oneStrayRowIsRejectedAndTheRestUsed() throws {
        // Nine facilities in Yinchuan and one with latitude 95: that row alone is rejected, named.
        var rows = (1...9).map { "F\($0),106.2\($0),38.4\($0)" }
        rows.append("F10,106.25,95")
        let path = try writeFile("stray.csv", "编号,经度,纬度\n" + rows.joined(separator: "\n") + "\n")
        let layer = try InputLoader.load(path)
        #expect(layer.features.count == 9)
        #expect(layer.rejections.map(\.id) == ["F10"])
        #expect(layer.rejections.first?.reason.contains("beyond ±180° / ±90°") == true)
        #expect(layer.crs.source == .cgcs2000)
    }
}
