import LifeCircleGeometry
@testable import LifeCircleNetwork
import Testing

/// The reusable search: a workspace run again and again must answer every run exactly as a fresh
/// search would, however much the previous run touched.
@Suite struct NetworkSearchTests {
    /// Each Helsinki facility alone, 10 minutes, in one workspace — after a whole-graph run that
    /// touched every node — against a fresh `NetworkTravelTimes` per facility.
    @Test func repeatedRunsMatchFreshSearches() throws {
        let built = try RealExtract.builtHelsinki.get()
        let graph = built.graph
        let search = NetworkSearch(graph: graph, profile: .walk)
        search.run(from: built.facilities)
        #expect(search.reached.count == graph.nodeCount)
        for site in built.facilities {
            search.run(from: [site], cutoff: 600)
            let fresh = NetworkTravelTimes(graph: graph, profile: .walk, facilities: [site], cutoff: 600)
            let expected = (0..<graph.nodeCount).filter { fresh.nodeFacility[$0] >= 0 }
            #expect(expected.count > 100 && expected.count < graph.nodeCount / 2)
            #expect(search.reached.map(Int.init).sorted() == expected)
            for n in 0..<graph.nodeCount {
                #expect(search.seconds(at: n) == fresh.nodeSeconds[n] && search.source(at: n) == fresh.nodeFacility[n])
            }
            // Settled in order of time.
            let times = search.reached.map { search.seconds(at: Int($0)) }
            #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 })
        }
    }

    /// Demand travel after a run is the one-pass result's, for the same sources.
    @Test func travelAfterARunMatchesTheOnePassResult() throws {
        let built = try RealExtract.builtHelsinki.get()
        let demand = try built.snapper.snap(Array(built.graph.nodes.prefix(300)) + [Coordinate(x: 300_000, y: 6_600_000)])
        let search = NetworkSearch(graph: built.graph, profile: .walk)
        search.run(from: [built.facilities[0]], cutoff: 300)   // something to reset first
        search.run(from: built.facilities)
        #expect(search.travel(for: demand) == built.times.travel(for: demand))
    }

    /// The reachable pieces drawn from the reached nodes' edges are those of a scan over every
    /// edge of the graph (what `ServiceAreas` did before it kept a workspace).
    @Test func serviceAreaPiecesMatchAScanOfEveryEdge() throws {
        let built = try RealExtract.builtHelsinki.get()
        let graph = built.graph
        let search = NetworkSearch(graph: graph, profile: .elderly)
        let limit = 600.0
        for site in built.facilities {
            let snap = try #require(site.snap)
            search.run(from: [site], cutoff: limit)
            let pieces = ServiceAreas.reachablePieces(search, [snap], limit)
            let times = NetworkTravelTimes(graph: graph, profile: .elderly, facilities: [site], cutoff: limit)
            var expected: [[Coordinate]] = []
            for e in 0..<graph.edgeCount {
                let length = graph.edgeLength[e], speed = 0.8
                let fromTime = times.nodeSeconds[Int(graph.edgeFrom[e])], toTime = times.nodeSeconds[Int(graph.edgeTo[e])]
                let fromReach = fromTime <= limit ? min(length, (limit - fromTime) * speed) : 0
                let toReach = toTime <= limit ? min(length, (limit - toTime) * speed) : 0
                if fromReach + toReach >= length { expected.append(Array(graph.polyline(of: e))); continue }
                if fromReach > 0 { expected.append(ServiceAreas.substring(graph.polyline(of: e), 0, fromReach)) }
                if toReach > 0 { expected.append(ServiceAreas.substring(graph.polyline(of: e), length - toReach, length)) }
            }
            let reach = (limit - snap.leg / 0.8) * 0.8
            expected.append(ServiceAreas.substring(graph.polyline(of: Int(snap.edge)), max(0, snap.along - reach),
                                                   min(graph.edgeLength[Int(snap.edge)], snap.along + reach)))
            #expect(pieces.count > 50)
            #expect(pieces == expected.filter { $0.count >= 2 })
        }
    }
}

/// Searches spread over the cores answer as one workspace does, one source after another.
@Suite struct ParallelSearchesTests {
    @Test func everySourceGetsTheSearchAWorkspaceAloneWouldGive() throws {
        let built = try RealExtract.builtHelsinki.get()
        let graph = built.graph
        // 300 sources (nodes spread over the extract) and an off-network one, searched on 3 workers.
        let sources = try built.snapper.snap(stride(from: 0, to: graph.nodeCount, by: graph.nodeCount / 300).map { graph.nodes[$0] })
            + [.offNetwork(distance: 800)]
        let parallel = ParallelSearches(graph: graph, profile: .walk, workers: 3)
        #expect(parallel.workers == 3)
        let areas = try parallel.map(sources, cutoff: 300) { _, search in
            search.reached.map { ($0, search.seconds(at: Int($0))) }
        }
        let alone = NetworkSearch(graph: graph, profile: .walk)
        for (i, source) in sources.enumerated() {
            alone.run(from: [source], cutoff: 300)
            let expected = alone.reached.map { ($0, alone.seconds(at: Int($0))) }
            #expect(areas[i].map(\.0) == expected.map(\.0) && areas[i].map(\.1) == expected.map(\.1), "source \(i)")
        }
        #expect(areas.last?.isEmpty == true)
        #expect(areas.dropLast().allSatisfy { $0.count >= 1 })
    }

    @Test func theFirstErrorIsRethrown() throws {
        struct Stop: Error {}
        let built = try RealExtract.builtHelsinki.get()
        let parallel = ParallelSearches(graph: built.graph, profile: .walk, workers: 2)
        #expect(throws: Stop.self) {
            _ = try parallel.map(built.facilities, cutoff: 60) { i, _ in if i == 2 { throw Stop() }; return i }
        }
        // The workspaces are still usable afterwards.
        #expect(try parallel.map(built.facilities, cutoff: 60) { i, _ in i } == Array(built.facilities.indices))
    }
}
