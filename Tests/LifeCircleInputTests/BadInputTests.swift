import LifeCircleCRS
import LifeCircleGEOS
import LifeCircleInput
import Testing

/// Each usual mistake gives its own message naming the file, and every feature is accounted for.
@Suite struct BadInputTests {
    private func message(_ body: () throws -> Void) -> String {
        do { try body(); return "" } catch { return "\(error)" }
    }

    @Test func swappedLongitudeAndLatitude() throws {
        // Yinchuan's points with the columns the wrong way round.
        let path = try writeFile("swapped.csv", "name,lon,lat\n兴庆区,38.4667,106.2782\n金凤区,38.4734,106.2421\n")
        let text = message { _ = try InputLoader.load(path, options: LoadOptions(sourceCRS: .cgcs2000)) }
        #expect(text.contains("swapped.csv"))
        #expect(text.contains("swapped"))
    }

    @Test func projectedMetresDeclaredAsDegrees() throws {
        let path = try writeFile("metres.csv", "name,x,y\nA,505636.967,2493941.126\n")
        let text = message { _ = try InputLoader.load(path, options: LoadOptions(sourceCRS: .cgcs2000)) }
        #expect(text.contains("metres.csv"))
        #expect(text.contains("not degrees"))
    }

    @Test func zonePrefixedEastingsAreRecognisedAndPlaced() throws {
        // (114.0548, 22.5431) in EPSG:4526 (cs2cs): E 38505636.967 N 2493941.126.
        let path = try writeFile("gk38.csv", "name,x,y\nA,38505636.967,2493941.126\n")
        let layer = try InputLoader.load(path)
        #expect(layer.crs.source == .epsg(4526))
        #expect(layer.crs.sourceBasis.contains("zone prefix"))
        // Projected to the CM-114 zone without prefix: the same point, easting without the 38.
        #expect(layer.crs.metric == .epsg(4547))
        let c = layer.features[0].geometry.coordinates[0]
        #expect(abs(c.x - 505_636.967) < 0.001 && abs(c.y - 2_493_941.126) < 0.001)
        // Declared as the CM code instead, the prefix is a mistake and said to be one.
        let declaredWrong = message { _ = try InputLoader.load(path, options: LoadOptions(sourceCRS: .epsg(4547))) }
        #expect(declaredWrong.contains("4526"))
    }

    @Test func unknownCRS() throws {
        let path = try writeFile("a.csv", "name,lon,lat\nA,106.27,38.47\n")
        let text = message { _ = try InputLoader.load(path, options: LoadOptions(sourceCRS: .epsg(999_999))) }
        #expect(text.contains("999999"))
    }

    @Test func rowsWithoutCoordinatesAreListedAndTheRestLoaded() throws {
        let path = try writeFile("facilities.csv", """
            编号,名称,经度,纬度,建筑面积
            F1,兴庆区养老服务中心,106.2782,38.4667,1200
            F2,缺坐标,,38.47,300
            F3,坏数字,abc,38.47,300
            F4,金凤区日间照料中心,106.2421,38.4734,450
            """)
        let layer = try InputLoader.load(path)
        #expect(layer.features.map(\.id) == ["F1", "F4"])
        #expect(layer.rejections.map(\.id) == ["F2", "F3"])
        #expect(layer.rejections.allSatisfy { $0.source == path })
        #expect(layer.rejections[0].reason.contains("经度"))
        #expect(layer.rejections[1].reason.contains("abc"))
        #expect(layer.crs.sourceBasis.hasPrefix("guessed"))
        #expect(layer.value("floor_area_m2", of: layer.features[1])?.number == 450)
    }

    @Test func selfIntersectingOutlineIsRepairedAndEmptyGeometryRejected() throws {
        // A bow-tie district 0.002° wide near Yinchuan, and a feature without geometry.
        let path = try writeFile("districts.geojson", """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"id":"D1"},"geometry":{"type":"Polygon","coordinates":
               [[[106.270,38.470],[106.272,38.472],[106.272,38.470],[106.270,38.472],[106.270,38.470]]]}},
             {"type":"Feature","properties":{"id":"D2"},"geometry":null},
             {"type":"Feature","properties":{"id":"D3"},"geometry":{"type":"Polygon","coordinates":
               [[[106.280,38.470],[106.282,38.470],[106.282,38.472],[106.280,38.472],[106.280,38.470]]]}}]}
            """)
        let layer = try InputLoader.load(path)
        #expect(layer.features.map(\.id) == ["D1", "D3"])
        #expect(layer.rejections.map(\.id) == ["D2"])
        #expect(layer.rejections[0].reason == "empty geometry")
        #expect(layer.repairs.map(\.id) == ["D1"])
        #expect(layer.repairs[0].reason.hasPrefix("Self-intersection"))
        #expect(layer.repairs[0].result.hasPrefix("MultiPolygon"))
        // The two lobes are each half of the square's area: repaired, the bow-tie is half of D3.
        let bowTie = try NativeGeometry(layer.features[0].geometry).area()
        let square = try NativeGeometry(layer.features[1].geometry).area()
        #expect(abs(bowTie / square - 0.5) < 0.001)
    }

    @Test func webMapHintIsReportedForGCJ02Files() throws {
        let report = try Inspector.inspect(dataPath("china/yinchuan_districts_gcj02.geojson"))
        #expect(report.layers[0].crsIssues.contains { $0.contains("declare its coordinates as gcj02") })
        let given = try Inspector.inspect(dataPath("china/yinchuan_districts_gcj02.geojson"), sourceCRS: .gcj02)
        #expect(given.layers[0].crsIssues.isEmpty)
        #expect(given.layers[0].resolvedCRS == "GCJ-02")
    }
}
