import Foundation
import LifeCircleCoverage
import LifeCircleGEOS
import LifeCircleGeometry
import LifeCircleIO
import LifeCircleInput
import LifeCircleNetwork
import Testing
import LifeCircleTestSupport

private let geoData = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("GeoData")

@Suite struct NetworkCoverageTests {
    static let helsinki: StreetGraph = try! StreetGraph(osm: geoData.appendingPathComponent("osm/helsinki_2019.osm.pbf").path)

    /// Seeded points spread over the network's nodes' extent.
    static func points(_ count: Int, seed: UInt64) -> [Coordinate] {
        var random = SeededRandom(seed: seed)
        let extent = Envelope(of: helsinki.nodes)!
        return (0..<count).map { _ in
            Coordinate(Double.random(in: extent.minX...extent.maxX, using: &random),
                       Double.random(in: extent.minY...extent.maxY, using: &random))
        }
    }

    @Test func straightLineCoverageIsNeverBelowNetworkCoverageAtTheSameDistance() throws {
        // Walking at 1 m/s for d/60 minutes reaches d metres of street at most, legs included,
        // and no street path is shorter than the straight line.
        for d in [300.0, 600.0, 900.0] {
            var profile = TravelProfile.walk
            profile.minutes = d / 60
            let network = try NetworkAccess(graph: Self.helsinki, profile: profile)
            let straight = StraightLineAccess(radius: d)
            let facilities = Self.points(8, seed: UInt64(d)), units = Self.points(400, seed: UInt64(d) + 1)
            let byNetwork = try network.access(from: facilities, to: units)
            let byLine = try straight.access(from: facilities, to: units)
            for (n, s) in zip(byNetwork, byLine) {
                if network.covers(n) { #expect(straight.covers(s)) }
                if let metres = n.meters { #expect(metres >= s.meters! - 1e-6) }
            }
            #expect(byNetwork.filter(network.covers).count <= byLine.filter(straight.covers).count)
        }
    }

    @Test func addingAFacilityNeverLowersNetworkCoverage() throws {
        let network = try NetworkAccess(graph: Self.helsinki, profile: .elderly)
        let units = Self.points(300, seed: 3)
        var facilities = Self.points(3, seed: 4)
        let before = try network.access(from: facilities, to: units)
        facilities += Self.points(1, seed: 5)
        let after = try network.access(from: facilities, to: units)
        for (b, a) in zip(before, after) {
            if let seconds = b.seconds { #expect(a.seconds! <= seconds) }
            #expect(!network.covers(b) || network.covers(a))
        }
    }

    @Test func coverageSetsAgreeWithAccess() throws {
        let network = try NetworkAccess(graph: Self.helsinki, profile: .walk)
        let sites = Self.points(5, seed: 11), units = Self.points(200, seed: 12)
        let sets = try network.coverageSets(from: sites, to: units)
        for (s, site) in sites.enumerated() {
            let alone = try network.access(from: [site], to: units)
            #expect(sets[s] == alone.indices.filter { network.covers(alone[$0]) })
        }
    }

    /// One residential street due east from (385,000, 6,672,000) in UTM 35N, walked at 1 m/s.
    func straightStreet(metres: Double, minutes: Double) throws -> NetworkAccess {
        let crs = CRSChoice(declared: nil, source: .epsg(32635), sourceBasis: "test", metric: .epsg(32635), metricReason: "test")
        let street = InputFeature(index: 0, id: "S", geometry: .lineString(LineString([Coordinate(385_000, 6_672_000),
                                                                                     Coordinate(385_000 + metres, 6_672_000)])),
                                  attributes: ["class": .string("residential")])
        let graph = try StreetGraph(centrelines: InputLayer(source: "test", layer: "streets", crs: crs, features: [street]))
        var profile = TravelProfile.walk
        profile.minutes = minutes
        return try NetworkAccess(graph: graph, profile: profile)
    }

    @Test func serviceAreaOfAStraightStreetIsItsReachableStretchBuffered() throws {
        // One 1,000 m street; a facility on it at 100 m with no leg; 300 s at 1 m/s reaches from
        // 0 to 400 m. Buffered by 25 m that is 400 × 50 plus the two half circles. Traced on 5 m
        // cells, the street burns one row of cells and the cells whose centres lie within 24.5 m of
        // it make the region: 9 rows, so 45 m wide, with ends of radius 22.5 m — 400 × 45 + π · 22.5²,
        // within 2 %, and within a cell of the stretch's ends and sides. (On real networks the
        // shape is within IoU 0.9 of the exact buffer: ServiceCircleShapeTests.)
        let access = try straightStreet(metres: 1000, minutes: 5)
        let areas = try access.serviceAreas(from: [Coordinate(385_100, 6_672_000)])
        let area = try NativeGeometry(areas[0]).area()
        let expected = 400 * 45 + Double.pi * 22.5 * 22.5
        #expect(abs(area - expected) < 0.02 * expected)
        let envelope = try #require(areas[0].envelope)
        #expect(abs(envelope.minX - 384_975) <= 5 && abs(envelope.maxX - 385_425) <= 5)
        #expect(abs(envelope.minY - 6_671_975) <= 5 && abs(envelope.maxY - 6_672_025) <= 5)
        // A point 5 m off the street at 390 m is reached in 290 + 5 s: covered; at 410 m it is not.
        let reach = try access.access(from: [Coordinate(385_100, 6_672_000)],
                                      to: [Coordinate(385_390, 6_672_005), Coordinate(385_410, 6_672_000)])
        #expect(abs(reach[0].seconds! - 295) < 1e-9 && access.covers(reach[0]))
        #expect(!access.covers(reach[1]))
    }

    @Test func mergedCoverageAreaIsTheUnionOfTheCircles() throws {
        // A 3,000 m street, facilities at 500, 1,500 and 2,500 m, 10 minutes at 1 m/s: together they
        // reach the whole street, so the merged area is the street traced 45 m wide (see above) with
        // two round ends, 3,000 × 45 + π · 22.5², within 2 %. It is traced in tiles of 1,280 m, so
        // the street crosses tile edges; the parts must add up without gaps or overlaps, which the
        // union of the three circles (GEOS) checks independently.
        let access = try straightStreet(metres: 3000, minutes: 10)
        let facilities = [Coordinate(385_500, 6_672_000), Coordinate(386_500, 6_672_000), Coordinate(387_500, 6_672_000)]
        let merged = try access.coverageArea(from: facilities)
        #expect(merged.polygons.count > 1)
        let area = merged.polygons.map(\.planarArea).reduce(0, +)
        let expected = 3000 * 45 + Double.pi * 22.5 * 22.5
        #expect(abs(area - expected) < 0.02 * expected, "\(area)")
        let union = try NativeGeometry.unionAll(try access.serviceAreas(from: facilities).map { try NativeGeometry($0) }).area()
        #expect(abs(area - union) < 0.01 * union, "\(area) vs \(union)")
        let envelope = try #require(merged.envelope)
        #expect(abs(envelope.minX - 384_975) <= 5 && abs(envelope.maxX - 388_025) <= 5)
    }
}
