import Foundation
import LifeCircleGEOS
import LifeCircleGeometry
import Testing

@Suite struct ConversionTests {
    @Test func realDistrictsSurviveValueNativeValueAndWKB() throws {
        let districts = try loadFeatures("china/yinchuan_districts_gcj02.geojson")
        #expect(districts.count == 6)
        for feature in districts {
            let geometry = try #require(feature.geometry)
            let native = try NativeGeometry(geometry)
            #expect(native.value == geometry)
            #expect(try NativeGeometry(wkb: native.wkb()).value == geometry)
            #expect(native.envelope == geometry.envelope)
        }
    }

    @Test func wktRoundTrip() throws {
        let wkt = "MULTIPOLYGON (((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 2 1, 1 1)), ((10 10, 11 10, 11 11, 10 10)))"
        let g = try NativeGeometry(wkt: wkt)
        #expect(g.wkt() == wkt)
        #expect(g.value.polygons.count == 2)
        #expect(g.value.polygons[0].interiors.count == 1)
        #expect(try g.area() == 16 - 1 + 0.5)
    }

    @Test func unreadableWKTIsAClearError() {
        #expect(throws: GEOSError.self) { try NativeGeometry(wkt: "POLYGON((0 0, 1 1") }
    }

    @Test func geoJSONRoundTripKeepsPropertiesAndGeometry() throws {
        let features = try loadFeatures("china/yinchuan_districts_gcj02.geojson")
        let encoded = try JSONEncoder().encode(FeatureCollection(features: features))
        let decoded = try JSONDecoder().decode(FeatureCollection.self, from: encoded)
        #expect(decoded.features == features)
        #expect(decoded.features.map { $0.properties["name"] } .contains(.string("贺兰县")))
    }
}
