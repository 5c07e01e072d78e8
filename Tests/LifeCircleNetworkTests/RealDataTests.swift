import Foundation
import LifeCircleGeometry
import LifeCircleNetwork
import Testing

/// The walking networks of the shipped OSM extracts, against figures derived without LifeCircle.
///
/// Counts, components and lengths come from `Scripts/reference/osm_walk_network_counts.py`, which
/// filters the ways with SQL in `ogr2ogr`, identifies nodes in Python and finds components with
/// networkx:
///
///     python3 Scripts/reference/osm_walk_network_counts.py GeoData/osm/helsinki_2019.osm.pbf 32635
///     python3 Scripts/reference/osm_walk_network_counts.py GeoData/osm/beijing_haidian_wudaokou_2017.osm.pbf 4548
///
/// The total length (kept + dropped) agrees with SpatiaLite's on the same filter, e.g. for Helsinki
/// 89,955.7140673143 m from
///
///     ogrinfo -ro -dialect sqlite -sql "SELECT COUNT(*), SUM(ST_Length(ST_Transform(geometry, 32635)))
///         FROM lines WHERE <the script's WHERE clause>" GeoData/osm/helsinki_2019.osm.pbf
///
/// (Beijing: 123,121.528750903 m in EPSG:4548). Exclusions by reason come from a `GROUP BY` over a
/// `CASE` of the same conditions in the same order.
@Suite struct RealDataTests {
    struct Expected {
        let extract: RealExtract
        let built: Result<RealExtract.Built, any Error>
        let epsg: Int
        let features: Int
        let roads: Int
        let excluded: [String: Int]
        let components: Int
        let kept: NetworkReport.Part
        let dropped: NetworkReport.Part
    }

    static let extracts = [
        Expected(extract: .helsinki, built: RealExtract.builtHelsinki, epsg: 32635, features: 3818, roads: 2407,
                 excluded: ["no highway tag": 1314, "highway=platform": 32, "highway=construction": 3,
                            "foot=no": 34, "access=private": 15, "access=no": 13],
                 components: 47,
                 kept: .init(nodes: 3366, edges: 4421, metres: 88630.438601),
                 dropped: .init(nodes: 136, edges: 95, metres: 1325.275466)),
        Expected(extract: .beijing, built: RealExtract.builtBeijing, epsg: 4548, features: 703, roads: 631,
                 excluded: ["no highway tag": 25, "highway=platform": 44, "highway=motorway": 2, "access=no": 1],
                 components: 13,
                 kept: .init(nodes: 928, edges: 1329, metres: 121007.392300),
                 dropped: .init(nodes: 50, edges: 38, metres: 2114.136451)),
    ]

    @Test(arguments: extracts.indices)
    func theWalkingNetworkMatchesTheIndependentCounts(_ i: Int) throws {
        let expected = Self.extracts[i]
        let graph = try expected.built.get().graph
        let report = graph.report
        #expect(graph.metricCRS.epsg == expected.epsg)
        #expect(report.featuresRead == expected.features)
        #expect(report.roadsUsed == expected.roads)
        #expect(report.excluded == expected.excluded)
        #expect(report.rejections.isEmpty)
        #expect(report.components == expected.components)
        #expect(report.kept.nodes == expected.kept.nodes && report.kept.edges == expected.kept.edges)
        #expect(report.dropped.nodes == expected.dropped.nodes && report.dropped.edges == expected.dropped.edges)
        #expect(abs(report.kept.metres - expected.kept.metres) < 1e-5)
        #expect(abs(report.dropped.metres - expected.dropped.metres) < 1e-5)
        #expect(graph.nodeCount == expected.kept.nodes && graph.edgeCount == expected.kept.edges)
        #expect(abs(graph.edgeLength.reduce(0, +) - expected.kept.metres) < 1e-5)
        // Every road class is an OSM highway value the filter lets through.
        #expect(graph.classNames.allSatisfy { !WalkingFilter.excludedHighways.contains($0) && !$0.isEmpty })
    }

    @Test(arguments: extracts.indices)
    func travelTimesMatchNetworkx(_ i: Int) throws {
        let expected = Self.extracts[i]
        let built = try expected.built.get()
        #expect(built.facilities.allSatisfy { $0.snap != nil })
        var nodeAt: [Coordinate: Int] = [:]
        for (n, c) in built.graph.nodes.enumerated() { nodeAt[c] = n }

        let fixture = try String(contentsOfFile: dataPath("test/network/\(expected.extract.name)_walk_times.csv"), encoding: .utf8)
        let rows = fixture.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        #expect(rows.count >= 300)
        for row in rows {
            let c = Coordinate(x: Double(row[0])!, y: Double(row[1])!)
            let n = try #require(nodeAt[c], "no node at \(c)")
            #expect(abs(built.times.nodeSeconds[n] - Double(row[2])!) < 1e-6, "node \(n)")
            #expect(built.times.nodeFacility[n] == Int32(row[3])!, "node \(n)")
        }
    }

    @Test func aFifteenMinuteCutoffKeepsTheTimesWithinIt() throws {
        let built = try RealExtract.builtHelsinki.get()
        let cut = NetworkTravelTimes(graph: built.graph, profile: .walk, facilities: built.facilities,
                                     cutoff: TravelProfile.walk.seconds)
        let within = built.times.nodeSeconds.indices.filter { built.times.nodeSeconds[$0] <= 900 }
        #expect(within.count > 1000 && within.count < built.graph.nodeCount)
        for n in built.times.nodeSeconds.indices {
            if built.times.nodeSeconds[n] <= 900 {
                #expect(cut.nodeSeconds[n] == built.times.nodeSeconds[n] && cut.nodeFacility[n] == built.times.nodeFacility[n])
            } else {
                #expect(cut.nodeSeconds[n] == .infinity && cut.nodeFacility[n] == -1)
            }
        }
    }

    @Test func osmXMLAndPBFGiveTheSameNetwork() throws {
        let pbf = try RealExtract.builtBeijing.get().graph
        let xml = try StreetGraph(osm: dataPath("osm/beijing_haidian_wudaokou_2017.osm"))
        #expect(xml.nodes == pbf.nodes)
        #expect(xml.edgeLength == pbf.edgeLength)
        #expect(xml.adjacencyNode == pbf.adjacencyNode)
    }

    @Test func demandPointsGetTheirNearestFacilityAndFarOnesAreOffNetwork() throws {
        let built = try RealExtract.builtHelsinki.get()
        // The nodes themselves, as demand points: a zero leg onto an edge at one of its ends, so
        // each must get exactly its node's time and facility; and a point 80 km away.
        let sample = Array(built.graph.nodes.prefix(200)) + [Coordinate(x: 300_000, y: 6_600_000)]
        let travel = built.times.travel(for: try built.snapper.snap(sample))
        for (n, result) in travel.dropLast().enumerated() {
            guard case .reached(let seconds, let facility) = result else { Issue.record("node \(n): \(result)"); continue }
            #expect(abs(seconds - built.times.nodeSeconds[n]) < 1e-9, "node \(n)")
            #expect(facility == Int(built.times.nodeFacility[n]), "node \(n)")
        }
        guard case .offNetwork(let distance) = travel.last else { Issue.record("far point snapped"); return }
        #expect(distance > 80_000)
    }
}
