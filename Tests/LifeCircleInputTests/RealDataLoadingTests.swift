import LifeCircleCRS
import LifeCircleGEOS
import LifeCircleGeometry
import LifeCircleInput
import Testing

private func area(_ g: Geometry) throws -> Double { try NativeGeometry(g).area() }

@Suite struct RealDataLoadingTests {
    /// Geodesic areas (m²) on the WGS 84 ellipsoid, computed by SpatiaLite through GDAL — not by
    /// our projection or GEOS area — on the districts taken out of GCJ-02:
    ///   lifecircle convert GeoData/china/yinchuan_districts_gcj02.geojson yc.gpkg --from gcj02 --to EPSG:4326
    ///   ogrinfo -ro -dialect sqlite -sql "SELECT name, ST_Area(geom, 1) FROM yc" yc.gpkg
    /// (GCJ-02's offsets stretch areas by up to ~0.2 %, so the GCJ-02 polygons' own geodesic area
    /// is not the reference; Gauss-Krüger scale error ≤ 2° from the central meridian is < 0.08 %).
    static let yinchuanGeodesicAreas: [String: Double] = [
        "贺兰县": 1_199_721_195.96567, "西夏区": 885_010_597.427473, "金凤区": 276_997_525.357245,
        "兴庆区": 645_094_393.499139, "永宁县": 923_425_064.845265, "灵武市": 2_955_707_594.79837,
    ]

    @Test func yinchuanDistrictsFromGCJ02AreWithinATenthOfAPercentOfGeodesicArea() throws {
        let layer = try InputLoader.load(dataPath("china/yinchuan_districts_gcj02.geojson"),
                                         options: LoadOptions(sourceCRS: .gcj02))
        #expect(layer.crs.source == .gcj02)
        #expect(layer.crs.metric == .epsg(4544))
        #expect(layer.features.count == 6)
        #expect(layer.rejections.isEmpty)
        for feature in layer.features {
            let name = try #require(layer.value("name", of: feature)?.text)
            let expected = try #require(Self.yinchuanGeodesicAreas[name])
            let measured = try area(feature.geometry)
            #expect(abs(measured / expected - 1) < 0.001, "\(name): \(measured) vs \(expected)")
        }
        // The adcode column is read as the id.
        #expect(Set(layer.features.map(\.id)) == ["640122", "640105", "640106", "640104", "640121", "640181"])
    }

    @Test func suzhouBuildingsAllLoadWithTheirGeodesicArea() throws {
        // ogrinfo -ro -dialect sqlite -sql "SELECT COUNT(*), SUM(ST_Area(geometry, 1)) FROM suzhou_buildings_floors_pybdshadow" …
        let layer = try InputLoader.load(dataPath("china/suzhou_buildings_floors_pybdshadow.geojson"))
        #expect(layer.features.count == 3076)
        #expect(layer.crs.metric == .epsg(4549))
        let total = try layer.features.reduce(0) { $0 + (try area($1.geometry)) }
        #expect(abs(total / 1_235_915.00004005 - 1) < 0.001)
    }

    @Test func beijingOSMMultipolygonsKeepTheirGeodesicArea() throws {
        // ogrinfo -ro -dialect sqlite -sql "SELECT COUNT(*), SUM(ST_Area(geometry, 1)) FROM multipolygons" …osm.pbf
        let layer = try InputLoader.load(dataPath("osm/beijing_haidian_wudaokou_2017.osm.pbf"),
                                         options: LoadOptions(layer: "multipolygons"))
        #expect(layer.features.count == 652)
        #expect(layer.crs.metric == .epsg(4548))  // 116.3°E: zone 39, CM 117°E
        let total = try layer.features.reduce(0) { $0 + (try area($1.geometry)) }
        #expect(abs(total / 10_711_413.3639516 - 1) < 0.001)
    }

    @Test func helsinkiInvalidMultipolygonsAreRepairedOrListedNeverDropped() throws {
        // SpatiaLite counts 1,045 valid of 1,095 (ST_IsValid): 50 invalid, of which 27 have only
        // rings of fewer than 4 points (broken OSM relations) and cannot be repaired.
        let layer = try InputLoader.load(dataPath("osm/helsinki_2019.osm.pbf"), options: LoadOptions(layer: "multipolygons"))
        #expect(layer.crs.metric == .epsg(32635))
        #expect(layer.features.count + layer.rejections.count == 1095)
        #expect(layer.rejections.count == 27)
        #expect(layer.repairs.count == 23)
        #expect(layer.features.filter(\.repaired).count == 23)
        #expect(layer.rejections.allSatisfy { $0.reason.hasPrefix("invalid geometry, not repairable") && $0.id != nil })
        for feature in layer.features where feature.repaired {
            #expect(try NativeGeometry(feature.geometry).validity().isValid)
        }
    }
}
