import LifeCircleGeometry
import LifeCircleInput
import LifeCircleNetwork
import Testing

/// Small networks drawn as centreline layers, with every expected time worked out by hand.
///
///     A(0,0) ──100── B(100,0) ──────200────── C(300,0)          E(1000,1000) ─10─ F(1010,1000)
///                    │
///                    50
///                    │
///                    D(100,50)
@Suite struct HandBuiltGraphTests {
    let graph: StreetGraph
    let snapper: NetworkSnapper
    /// F0 at (50, 10): edge A–B, 50 m along, 10 m leg. F1 at (250, −20): edge B–C, 150 m along, 20 m leg.
    let facilities: [SnapResult]

    init() throws {
        graph = try StreetGraph(centrelines: roads([
            [(0, 0), (100, 0), (300, 0)],
            [(100, 0), (100, 50)],
            [(1000, 1000), (1010, 1000)],
        ]))
        snapper = try NetworkSnapper(graph)
        facilities = try snapper.snap(points([(50, 10), (250, -20)]))
    }

    @Test func waysAreCutAtSharedVerticesAndOnlyTheLargestComponentIsKept() {
        #expect(graph.nodeCount == 4)
        #expect(graph.edgeCount == 3)
        #expect(graph.edgeLength.sorted() == [50, 100, 200])
        #expect(graph.report.components == 2)
        #expect(graph.report.kept == .init(nodes: 4, edges: 3, metres: 350))
        #expect(graph.report.dropped == .init(nodes: 2, edges: 1, metres: 10))
        #expect(graph.report.roadsUsed == 3)
        // B has three streets, the others one each; the rows hold each edge once from each end.
        let b = node(graph, (100, 0))
        #expect(graph.adjacencyStart[b + 1] - graph.adjacencyStart[b] == 3)
        #expect(graph.adjacencyNode.count == 6)
        let neighbours = (graph.adjacencyStart[b]..<graph.adjacencyStart[b + 1]).map { graph.nodes[Int(graph.adjacencyNode[Int($0)])] }
        #expect(Set(neighbours) == Set(points([(0, 0), (300, 0), (100, 50)])))
        for e in 0..<graph.edgeCount {
            let line = graph.polyline(of: e)
            #expect(line.first == graph.nodes[Int(graph.edgeFrom[e])])
            #expect(line.last == graph.nodes[Int(graph.edgeTo[e])])
        }
    }

    @Test func pointsSnapToTheNearestPointOfTheNearestEdge() throws {
        let ab = try #require(facilities[0].snap)
        #expect(graph.nodes[Int(graph.edgeFrom[Int(ab.edge)])] == Coordinate(x: 0, y: 0))
        #expect(ab.along == 50 && ab.leg == 10 && ab.point == Coordinate(x: 50, y: 0))
        let bc = try #require(facilities[1].snap)
        #expect(bc.along == 150 && bc.leg == 20)
        // On B–D itself (not 30 m from A–B); 500 m away is still on the network, 600 m is not.
        let snaps = try snapper.snap(points([(100, 30), (-500, 0), (-600, 0)]))
        #expect(snaps[0].snap?.leg == 0 && snaps[0].snap?.along == 30)
        #expect(snaps[1].snap?.leg == 500)
        #expect(snaps[2] == .offNetwork(distance: 600))
    }

    @Test func nodesGetTheTimeOfTheirNearestFacility() {
        let times = NetworkTravelTimes(graph: graph, profile: .walk, facilities: facilities)
        let expected: [(xy: (Double, Double), seconds: Double, facility: Int32)] = [
            ((0, 0), 60, 0),     // 10 leg + 50 along
            ((100, 0), 60, 0),   // 10 + 50 (F1 would take 20 + 150)
            ((300, 0), 70, 1),   // 20 + 50
            ((100, 50), 110, 0), // B + 50
        ]
        for (xy, seconds, facility) in expected {
            let n = node(graph, xy)
            #expect(times.nodeSeconds[n] == seconds, "\(xy)")
            #expect(times.nodeFacility[n] == facility, "\(xy)")
        }
    }

    @Test func demandTakesTheBetterEndOrTheSameEdgeAndOffNetworkIsReported() throws {
        let times = NetworkTravelTimes(graph: graph, profile: .walk, facilities: facilities)
        let demand = try snapper.snap(points([(200, 5), (100, 30), (-600, 0), (-500, 0)]))
        #expect(times.travel(for: demand) == [
            .reached(seconds: 75, facility: 1),   // 5 leg + F1 along B–C (20 + 50)
            .reached(seconds: 90, facility: 0),   // B (60) + 30 along B–D
            .offNetwork(distance: 600),
            .reached(seconds: 560, facility: 0),  // 500 leg + A (60)
        ])
    }

    @Test func aCutoffLeavesFartherNodesAndDemandUnreached() throws {
        let times = NetworkTravelTimes(graph: graph, profile: .walk, facilities: facilities, cutoff: 100)
        let d = node(graph, (100, 50))
        #expect(times.nodeSeconds[d] == .infinity && times.nodeFacility[d] == -1)
        #expect(times.nodeSeconds[node(graph, (300, 0))] == 70)
        let demand = try snapper.snap(points([(200, 5), (100, 30), (100, 45)]))
        #expect(times.travel(for: demand) == [
            .reached(seconds: 75, facility: 1),
            .reached(seconds: 90, facility: 0),
            .unreached,                           // B + 45 = 105 s
        ])
    }

    @Test func theElderlyProfileIsSlower() throws {
        let times = NetworkTravelTimes(graph: graph, profile: .elderly, facilities: facilities)
        #expect(times.travel(for: try snapper.snap(points([(200, 5)]))) == [.reached(seconds: 75 / 0.8, facility: 1)])
    }

    @Test func offNetworkFacilitiesTakeNoPart() throws {
        let times = NetworkTravelTimes(graph: graph, profile: .walk, facilities: [.offNetwork(distance: 700)] + facilities)
        #expect(times.nodeFacility[node(graph, (0, 0))] == 1)
        #expect(times.nodeSeconds[node(graph, (0, 0))] == 60)
    }
}

@Suite struct SameEdgeAndLoopTests {
    /// One street P(0,0)–Q(1000,0); F0 at (200, 10), F1 at (900, −40).
    @Test func facilitiesOnTheDemandsEdgeAreReachedAlongIt() throws {
        let graph = try StreetGraph(centrelines: roads([[(0, 0), (1000, 0)]]))
        let snapper = try NetworkSnapper(graph)
        let times = NetworkTravelTimes(graph: graph, profile: .walk, facilities: try snapper.snap(points([(200, 10), (900, -40)])))
        #expect(times.nodeSeconds[node(graph, (0, 0))] == 210)
        #expect(times.nodeSeconds[node(graph, (1000, 0))] == 140)
        #expect(times.travel(for: try snapper.snap(points([(600, 0), (300, 2)]))) == [
            .reached(seconds: 340, facility: 1),  // 40 + 300 along; through Q it would be 140 + 400
            .reached(seconds: 112, facility: 0),  // 10 + 100 + 2
        ])
    }

    /// A closed way with a tail: O(0,0) → (100,0) → (100,100) → (0,100) → O, and O–T(−50,0).
    @Test func aLoopIsWalkedFromEitherSideOfItsNode() throws {
        let graph = try StreetGraph(centrelines: roads([
            [(0, 0), (100, 0), (100, 100), (0, 100), (0, 0)],
            [(0, 0), (-50, 0)],
        ]))
        #expect(graph.nodeCount == 2 && graph.edgeCount == 2)
        let o = node(graph, (0, 0))
        #expect(graph.adjacencyStart[o + 1] - graph.adjacencyStart[o] == 3)
        let snapper = try NetworkSnapper(graph)
        let times = NetworkTravelTimes(graph: graph, profile: .walk, facilities: try snapper.snap(points([(-50, 0)])))
        #expect(times.nodeSeconds[o] == 50)
        #expect(times.travel(for: try snapper.snap(points([(100, 50), (50, 100)]))) == [
            .reached(seconds: 200, facility: 0),  // 50 + 150 one way round
            .reached(seconds: 200, facility: 0),  // 50 + 150 the other way
        ])
    }
}

@Suite struct ProfileTests {
    /// X(0,0) –residential, 420 m– Y(420,0) –footway, 100 m– Z(420,100); a facility 10 m beside X.
    @Test func roadClassesGetTheirOwnSpeeds() throws {
        let graph = try StreetGraph(centrelines: roads([
            (points: [(0, 0), (420, 0)], roadClass: "residential"),
            (points: [(420, 0), (420, 100)], roadClass: "footway"),
        ]))
        #expect(Set(graph.classNames) == ["residential", "footway"])
        let snapper = try NetworkSnapper(graph)
        let times = NetworkTravelTimes(graph: graph, profile: .villageEbike, facilities: try snapper.snap(points([(0, -10)])))
        #expect(abs(times.nodeSeconds[node(graph, (420, 0))] - 110) < 1e-9)   // 10 s walked + 420 m at 4.2 m/s
        #expect(abs(times.nodeSeconds[node(graph, (420, 100))] - 210) < 1e-9)
        let demand = times.travel(for: try snapper.snap(points([(420, 50), (210, 3)])))
        guard case .reached(let first, 0) = demand[0], case .reached(let second, 0) = demand[1] else {
            Issue.record("unexpected \(demand)")
            return
        }
        #expect(abs(first - 160) < 1e-9)   // Y + 50 m walked
        #expect(abs(second - 63) < 1e-9)   // 10 + 210 m ridden + 3 m walked
    }

    @Test func builtInProfilesAreNamedAndTimed() {
        #expect(TravelProfile.walk.speed * TravelProfile.walk.seconds == 900)
        #expect(TravelProfile.elderly.speed == 0.8)
        #expect(TravelProfile.builtIn["village-ebike"]?.speed(on: "track") == 4.2)
        #expect(TravelProfile.builtIn["village-ebike"]?.speed(on: "path") == 1.0)
    }
}

@Suite struct CentrelineTests {
    /// Three lines meant to meet at (100, 0): one ends there, one starts 0.3 m east, one 0.2 m north.
    let layer = roads([
        [(0, 0), (100, 0)],
        [(100.3, 0), (200, 0)],
        [(100, 0.2), (100, 80)],
    ])

    @Test func endsWithinTheToleranceJoin() throws {
        let graph = try StreetGraph(centrelines: layer, options: NetworkOptions(snapTolerance: 0.5))
        #expect(graph.report.components == 1)
        #expect(graph.nodeCount == 4 && graph.edgeCount == 3)
        // Joined ends move to the first vertex seen there, (100, 0).
        #expect(graph.report.kept.metres == 100 + 100 + 80)
    }

    @Test func endsBeyondTheToleranceStayApart() throws {
        let graph = try StreetGraph(centrelines: layer, options: NetworkOptions(snapTolerance: 0.1))
        #expect(graph.report.components == 3)
        #expect(graph.report.kept == .init(nodes: 2, edges: 1, metres: 100))
        #expect(graph.report.dropped.edges == 2)
    }

    @Test func theRoadClassComesFromAChineseFieldAndOtherGeometriesAreRejected() throws {
        let crs = CRSChoice(declared: nil, source: .epsg(4547), sourceBasis: "test", metric: .epsg(4547), metricReason: "test")
        let layer = InputLayer(source: "roads.shp", layer: "roads", crs: crs, features: [
            InputFeature(index: 0, id: "1", geometry: .lineString(LineString(points([(0, 0), (50, 0)]))),
                         attributes: ["道路等级": .string("支路 ")]),
            InputFeature(index: 1, id: "2", geometry: .point(Point(x: 5, y: 5)), attributes: ["道路等级": .string("支路")]),
        ])
        let graph = try StreetGraph(centrelines: layer)
        #expect(graph.classNames == ["支路"])
        #expect(graph.metricCRS.epsg == 4547)
        #expect(graph.report.rejections.map(\.id) == ["2"])
        #expect(throws: NetworkError.classFieldNotFound(source: "roads.shp", field: "grade", available: ["道路等级"])) {
            try StreetGraph(centrelines: layer, options: NetworkOptions(classField: "grade"))
        }
    }
}
