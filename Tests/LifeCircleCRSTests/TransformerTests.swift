import LifeCircleCRS
import LifeCircleGeometry
import Testing

@Suite struct TransformerTests {
    // Expected values from PROJ's own command line tool (its axis order is lat/lon in, N/E out):
    //   echo "22.5431 114.0548" | cs2cs EPSG:4490 EPSG:4547 -f %.4f  →  2493941.1255  505636.9666
    //   echo "22.5431 114.0548" | cs2cs EPSG:4490 EPSG:4526 -f %.4f  →  2493941.1255  38505636.9666
    @Test func shenzhenToGaussKrugerCM114() throws {
        let out = try TransformerCache.shared.transformer(fromEPSG: 4490, toEPSG: 4547).transform(Place.shenzhen)
        #expect(abs(out.x - 505636.9666) < 0.001)
        #expect(abs(out.y - 2493941.1255) < 0.001)
    }

    @Test func shenzhenToGaussKrugerZone38CarriesThePrefix() throws {
        let out = try TransformerCache.shared.transformer(fromEPSG: 4490, toEPSG: 4526).transform(Place.shenzhen)
        #expect(abs(out.x - 38505636.9666) < 0.001)
        #expect(abs(out.y - 2493941.1255) < 0.001)
    }

    @Test func roundTripReturnsTheInput() throws {
        let there = try TransformerCache.shared.transformer(fromEPSG: 4490, toEPSG: 4547)
        let back = try TransformerCache.shared.transformer(fromEPSG: 4547, toEPSG: 4490)
        let out = try back.transform(there.transform(Place.shenzhen))
        #expect(abs(out.x - Place.shenzhen.x) < 1e-9)
        #expect(abs(out.y - Place.shenzhen.y) < 1e-9)
    }

    // 20 points across CM 114°E's zone, checked against cs2cs (input lat lon, output N E):
    //   cs2cs EPSG:4490 EPSG:4547 -f %.4f < points.txt
    static let cs2csInput: [Coordinate] = [
        (21.7000, 112.6000), (21.9630, 112.7470), (22.1260, 112.8940), (22.3890, 113.0410), (22.5520, 113.1880),
        (22.8150, 113.3350), (22.9780, 113.4820), (23.2410, 113.6290), (23.4040, 113.7760), (23.6670, 113.9230),
        (23.8300, 114.0700), (24.0930, 114.2170), (24.2560, 114.3640), (24.5190, 114.5110), (24.6820, 114.6580),
        (24.9450, 114.8050), (25.1080, 114.9520), (25.3710, 115.0990), (25.5340, 115.2460), (25.7970, 115.3930),
    ].map { Coordinate(x: $0.1, y: $0.0) }
    static let cs2csOutput: [Coordinate] = [
        (2401236.5569, 355120.3544), (2430232.8336, 370571.5081), (2448167.4601, 385888.1161),
        (2477190.4087, 401240.6533), (2495152.6531, 416477.5223), (2524203.8066, 431728.8776),
        (2542194.9470, 446884.2173), (2571275.7984, 462031.8159), (2589297.0819, 477103.8254),
        (2618409.0835, 492145.0833), (2636461.7251, 507131.9507), (2665606.2873, 522064.2740),
        (2683691.4693, 536964.1764), (2712869.9597, 551784.9612), (2730988.8311, 566596.0645),
        (2760202.5738, 581302.6965), (2778356.2494, 596023.1550), (2807606.5233, 610613.0097),
        (2825796.0831, 625240.9660), (2855084.1217, 639711.4084),
    ].map { Coordinate(x: $0.1, y: $0.0) }

    @Test func batchAgreesWithCs2cs() throws {
        let out = try TransformerCache.shared.transformer(fromEPSG: 4490, toEPSG: 4547)
            .transform(Self.cs2csInput)
        #expect(out.count == 20)
        for (got, want) in zip(out, Self.cs2csOutput) {
            #expect(got.planarDistance(to: want) < 0.001, "\(got) vs cs2cs \(want)")
        }
    }

    @Test func geometryIsTransformedCoordinateByCoordinate() throws {
        let transformer = try TransformerCache.shared.transformer(fromEPSG: 4490, toEPSG: 4547)
        let ring = Array(Self.cs2csInput[0..<4]) + [Self.cs2csInput[0]]
        let polygon = Geometry.polygon(Polygon(exterior: ring))
        let out = try transformer.transform(polygon)
        #expect(out.coordinates == (try transformer.transform(ring)))
        #expect(out.coordinates[1].planarDistance(to: Self.cs2csOutput[1]) < 0.001)
    }

    @Test func wgs84ToCGCS2000IsANullTransformation() throws {
        let out = try TransformerCache.shared.transformer(fromEPSG: 4326, toEPSG: 4490).transform(Place.shenzhen)
        #expect(abs(out.x - Place.shenzhen.x) < 1e-12)
        #expect(abs(out.y - Place.shenzhen.y) < 1e-12)
    }

    @Test func failedPointThrowsNamingCoordinateAndCRSs() throws {
        let transformer = try TransformerCache.shared.transformer(fromEPSG: 4490, toEPSG: 4547)
        let error = #expect(throws: CRSError.self) { try transformer.transform(Coordinate(114, 95)) }
        let text = try #require(error).description
        #expect(text.contains("(114.0, 95.0)"))
        #expect(text.contains("from EPSG:4490 to EPSG:4547"))
        // The transformer stays usable after a failure.
        #expect(try transformer.transform(Place.shenzhen).x > 505636)
    }

    @Test func badCodeThrowsWithTheCode() {
        #expect(throws: CRSError.self) { try Transformer(fromEPSG: 999999, toEPSG: 4547) }
        let error = #expect(throws: CRSError.self) { try TransformerCache.shared.transformer(fromEPSG: 4490, toEPSG: 999999) }
        #expect(error?.description.contains("999999") == true)
    }

    @Test func cacheCreatesOneTransformerPerPair() throws {
        let cache = TransformerCache()
        let first = try cache.transformer(fromEPSG: 4490, toEPSG: 4544)
        #expect(first === (try cache.transformer(fromEPSG: 4490, toEPSG: 4544)))
        #expect(first !== (try cache.transformer(fromEPSG: 4544, toEPSG: 4490)))
    }

    @Test func concurrentUseGivesTheSerialResults() async throws {
        let transformer = try TransformerCache.shared.transformer(fromEPSG: 4490, toEPSG: 4547)
        let expected = try transformer.transform(Self.cs2csInput)
        let results = try await withThrowingTaskGroup(of: [Coordinate].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var last: [Coordinate] = []
                    for _ in 0..<200 { last = try Self.cs2csInput.map(transformer.transform) }
                    return last
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == expected })
    }
}
