import HeapModule

/// Travel times from the nearest of many facilities: one multi-source Dijkstra pass over a
/// `StreetGraph`, in seconds at a profile's speeds.
///
/// Every snapped facility starts the search at both ends of its edge, with the time of its straight
/// leg plus the stretch of edge to that end; off-network facilities take no part. A node reached by
/// two facilities at exactly the same time goes to the lower facility index. With a cutoff, nodes
/// farther than it are left unreached, which is what makes a 15-minute pass over a province cheap.
public struct NetworkTravelTimes: Sendable {
    public let graph: StreetGraph
    public let profile: TravelProfile
    /// As given; results refer to facilities by their index here.
    public let facilities: [SnapResult]
    /// Seconds; nil for none.
    public let cutoff: Double?
    /// Per node, seconds from the nearest facility; `.infinity` when none is within the cutoff.
    public let nodeSeconds: [Double]
    /// Per node, the index of that facility in `facilities`; −1 when unreached.
    public let nodeFacility: [Int32]
    /// Per edge, seconds to traverse it at the profile's speed for its class.
    let edgeSeconds: [Double]
    /// Per road class (`graph.classNames`), metres per second.
    let classSpeed: [Double]

    public init(graph: StreetGraph, profile: TravelProfile, facilities: [SnapResult], cutoff: Double? = nil) {
        self.graph = graph
        self.profile = profile
        self.facilities = facilities
        self.cutoff = cutoff
        let classSpeed = graph.classNames.map(profile.speed(on:))
        let edgeSeconds = graph.edgeLength.indices.map { graph.edgeLength[$0] / classSpeed[Int(graph.edgeClass[$0])] }
        self.classSpeed = classSpeed
        self.edgeSeconds = edgeSeconds

        var seconds = [Double](repeating: .infinity, count: graph.nodeCount)
        var facility = [Int32](repeating: -1, count: graph.nodeCount)
        var settled = [Bool](repeating: false, count: graph.nodeCount)
        var queue = Heap<QueueEntry>()
        let limit = cutoff ?? .infinity

        seconds.withUnsafeMutableBufferPointer { seconds in
            facility.withUnsafeMutableBufferPointer { facility in
                settled.withUnsafeMutableBufferPointer { settled in
                    // A better time (or an equal one from a lower-numbered facility) for an unsettled node.
                    func offer(_ node: Int32, _ time: Double, _ source: Int32) {
                        let n = Int(node)
                        guard time <= limit, !settled[n] else { return }
                        if time < seconds[n] {
                            seconds[n] = time
                            facility[n] = source
                            queue.insert(QueueEntry(seconds: time, node: node))
                        } else if time == seconds[n], source < facility[n] {
                            facility[n] = source
                        }
                    }

                    for (i, result) in facilities.enumerated() {
                        guard let snap = result.snap else { continue }
                        let e = Int(snap.edge)
                        let speed = classSpeed[Int(graph.edgeClass[e])]
                        let leg = snap.leg / profile.speed
                        offer(graph.edgeFrom[e], leg + snap.along / speed, Int32(i))
                        offer(graph.edgeTo[e], leg + (graph.edgeLength[e] - snap.along) / speed, Int32(i))
                    }

                    graph.adjacencyStart.withUnsafeBufferPointer { start in
                        graph.adjacencyNode.withUnsafeBufferPointer { neighbour in
                            graph.adjacencyEdge.withUnsafeBufferPointer { via in
                                edgeSeconds.withUnsafeBufferPointer { cost in
                                    while let top = queue.popMin() {
                                        let u = Int(top.node)
                                        // Entries left behind by a later improvement are stale.
                                        guard !settled[u], top.seconds == seconds[u] else { continue }
                                        settled[u] = true
                                        let time = seconds[u], source = facility[u]
                                        for j in Int(start[u])..<Int(start[u + 1]) {
                                            offer(neighbour[j], time + cost[Int(via[j])], source)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        nodeSeconds = seconds
        nodeFacility = facility
    }
}

/// A node waiting in the queue with the time it was offered at; ties taken by node index, so the
/// order of the search does not depend on the heap's internals.
private struct QueueEntry: Comparable {
    var seconds: Double
    var node: Int32

    static func < (a: QueueEntry, b: QueueEntry) -> Bool {
        a.seconds != b.seconds ? a.seconds < b.seconds : a.node < b.node
    }
}
