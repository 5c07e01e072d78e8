/// Shortest-path searches over one street graph at one profile's speeds, run one after another in
/// the same workspace: Dijkstra from one or many snapped sources, optionally within a cutoff.
///
/// The workspace keeps one state per node of the graph and, between runs, resets only the nodes the
/// last run touched; each adjacency entry's neighbour and time are copied once, when the workspace
/// is made, into one row of arcs, so relaxing a node reads one stretch of memory. So a search that
/// reaches a hundred nodes of a million-node graph costs about a hundred nodes — what a service
/// area per facility, or a coverage set per candidate site, needs — while one pass over a whole
/// region (`NetworkTravelTimes`) costs what it did.
///
/// Every snapped source starts the search at both ends of its edge, with the time of its straight
/// leg plus the stretch of edge to that end; off-network sources take no part. A node reached by
/// two sources at exactly the same time goes to the lower source index.
///
/// Not `Sendable`: a workspace belongs to one thread; give each worker its own
/// (`init(sharingArcsOf:)`), or let `ParallelSearches` do it.
public final class NetworkSearch {
    public let graph: StreetGraph
    public let profile: TravelProfile
    /// Per road class (`graph.classNames`), metres per second.
    let classSpeed: [Double]
    /// The graph's adjacency rows (`adjacencyStart` indexes them) with each edge's time.
    private let arcs: [Arc]
    /// The last run's sources and cutoff, as given.
    public private(set) var sources: [SnapResult] = []
    public private(set) var cutoff: Double?
    /// The nodes the last run reached, in the order it settled them (times never decrease).
    public private(set) var reached: [Int32] = []

    private var state: [NodeState]
    /// Empty between runs; kept for its capacity.
    private var queue = SearchQueue()

    /// An entry of an adjacency row: the node at the other end and the time to get there.
    struct Arc {
        var node: Int32
        var seconds: Double
    }

    /// One node's search state, kept together so a relaxation touches one cache line.
    struct NodeState {
        var seconds = Double.infinity
        var source: Int32 = -1
        var settled = false
    }

    public init(graph: StreetGraph, profile: TravelProfile) {
        self.graph = graph
        self.profile = profile
        let classSpeed = graph.classNames.map(profile.speed(on:))
        self.classSpeed = classSpeed
        arcs = graph.adjacencyEdge.indices.map { j in
            let e = Int(graph.adjacencyEdge[j])
            return Arc(node: graph.adjacencyNode[j], seconds: graph.edgeLength[e] / classSpeed[Int(graph.edgeClass[e])])
        }
        state = Array(repeating: NodeState(), count: graph.nodeCount)
    }

    /// A workspace of its own over `other`'s graph and profile, sharing its arcs (read only, not copied).
    public init(sharingArcsOf other: NetworkSearch) {
        graph = other.graph
        profile = other.profile
        classSpeed = other.classSpeed
        arcs = other.arcs
        state = Array(repeating: NodeState(), count: graph.nodeCount)
    }

    /// Seconds from the nearest source of the last run; `.infinity` where it did not reach.
    public func seconds(at node: Int) -> Double { state[node].seconds }

    /// The index in `sources` of the nearest source of the last run; −1 where it did not reach.
    public func source(at node: Int) -> Int32 { state[node].source }

    /// Runs a search from `sources`, replacing the last run's results. With a cutoff (seconds),
    /// nodes farther than it are left unreached.
    public func run(from sources: [SnapResult], cutoff: Double? = nil) {
        reset()
        self.sources = sources
        self.cutoff = cutoff
        let limit = cutoff ?? .infinity
        let graph = self.graph, classSpeed = self.classSpeed, legSpeed = profile.speed
        // Worked on as locals (no exclusivity checks in the loop), handed back with their capacity.
        var queue = SearchQueue(), reached: [Int32] = []
        swap(&queue, &self.queue)
        swap(&reached, &self.reached)
        defer {
            swap(&queue, &self.queue)
            swap(&reached, &self.reached)
        }

        state.withUnsafeMutableBufferPointer { state in
            // A better time (or an equal one from a lower-numbered source) for an unsettled node.
            // A settled node never gets a better time (times only grow along a path), so only the
            // tie needs the settled test.
            func offer(_ node: Int32, _ time: Double, _ source: Int32) {
                let n = Int(node)
                guard time <= limit else { return }
                if time < state[n].seconds {
                    state[n].seconds = time
                    state[n].source = source
                    queue.insert(.init(seconds: time, node: node))
                } else if time == state[n].seconds, source < state[n].source, !state[n].settled {
                    state[n].source = source
                }
            }

            for (i, result) in sources.enumerated() {
                guard let snap = result.snap else { continue }
                let e = Int(snap.edge)
                let speed = classSpeed[Int(graph.edgeClass[e])]
                let leg = snap.leg / legSpeed
                offer(graph.edgeFrom[e], leg + snap.along / speed, Int32(i))
                offer(graph.edgeTo[e], leg + (graph.edgeLength[e] - snap.along) / speed, Int32(i))
            }

            graph.adjacencyStart.withUnsafeBufferPointer { start in
                arcs.withUnsafeBufferPointer { arcs in
                    while let top = queue.popMin() {
                        let u = Int(top.node)
                        // Entries left behind by a later improvement are stale.
                        guard !state[u].settled, top.seconds == state[u].seconds else { continue }
                        state[u].settled = true
                        reached.append(top.node)
                        let time = state[u].seconds, source = state[u].source
                        for arc in arcs[Int(start[u])..<Int(start[u + 1])] {
                            offer(arc.node, time + arc.seconds, source)
                        }
                    }
                }
            }
        }
    }

    /// For each demand point, the time to the nearest source of the last run and which one (see
    /// `NetworkTravelTimes.travel(for:)`).
    public func travel(for demand: [SnapResult]) -> [DemandTravel] {
        DemandTravel.resolve(demand, sources: sources, cutoff: cutoff, graph: graph, profile: profile,
                             classSpeed: classSpeed) { state[$0].seconds } source: { state[$0].source }
    }

    /// The per-node results as full arrays (seconds, source index), for a result that outlives the workspace.
    func takeNodeResults() -> (seconds: [Double], source: [Int32]) {
        (state.map(\.seconds), state.map(\.source))
    }

    private func reset() {
        state.withUnsafeMutableBufferPointer { state in
            // Every node given a time is queued within the cutoff and so settled: `reached` holds
            // every node the last run touched.
            for n in reached { state[Int(n)] = NodeState() }
        }
        reached.removeAll(keepingCapacity: true)
    }
}
