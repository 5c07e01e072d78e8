/// A demand point's trip to its nearest facility.
public enum DemandTravel: Hashable, Sendable {
    /// `facility` indexes `NetworkTravelTimes.facilities`.
    case reached(seconds: Double, facility: Int)
    /// No facility within the cutoff (or none on the network).
    case unreached
    /// The point is farther than the maximum snap distance from every street.
    case offNetwork(distance: Double)
}

extension NetworkTravelTimes {
    /// For each demand point, the time to its nearest facility and which one: its straight leg,
    /// plus the better of the two ends of its edge (node time and the stretch of edge to that end),
    /// or — for a facility snapped to the same edge — the stretch of edge between the two directly.
    /// Equal times go to the lower facility index.
    public func travel(for demand: [SnapResult]) -> [DemandTravel] {
        DemandTravel.resolve(demand, sources: facilities, cutoff: cutoff, graph: graph, profile: profile,
                             classSpeed: classSpeed) { nodeSeconds[$0] } source: { nodeFacility[$0] }
    }
}

extension DemandTravel {
    /// Demand points' trips, from a search's per-node results (`seconds`, `source` by node index).
    static func resolve(_ demand: [SnapResult], sources: [SnapResult], cutoff: Double?, graph: StreetGraph,
                        profile: TravelProfile, classSpeed: [Double],
                        seconds nodeSeconds: (Int) -> Double, source nodeSource: (Int) -> Int32) -> [DemandTravel] {
        // Sources by edge, for the same-edge case: sorted by edge, searched by bisection.
        let onEdges = sources.enumerated()
            .compactMap { i, result in result.snap.map { (snap: $0, facility: i) } }
            .sorted { ($0.snap.edge, $0.facility) < ($1.snap.edge, $1.facility) }
        let limit = cutoff ?? .infinity

        return demand.map { result in
            guard let snap = result.snap else {
                if case .offNetwork(let distance) = result { return .offNetwork(distance: distance) }
                return .unreached
            }
            let e = Int(snap.edge)
            let speed = classSpeed[Int(graph.edgeClass[e])]
            var best = (seconds: Double.infinity, facility: -1)
            func consider(_ seconds: Double, _ facility: Int) {
                if seconds < best.seconds || (seconds == best.seconds && facility < best.facility) {
                    best = (seconds, facility)
                }
            }
            let from = Int(graph.edgeFrom[e]), to = Int(graph.edgeTo[e])
            consider(nodeSeconds(from) + snap.along / speed, Int(nodeSource(from)))
            consider(nodeSeconds(to) + (graph.edgeLength[e] - snap.along) / speed, Int(nodeSource(to)))

            var low = 0, high = onEdges.count
            while low < high {
                let mid = (low + high) / 2
                if onEdges[mid].snap.edge < snap.edge { low = mid + 1 } else { high = mid }
            }
            for (other, facility) in onEdges[low...].prefix(while: { $0.snap.edge == snap.edge }) {
                consider(other.leg / profile.speed + abs(other.along - snap.along) / speed, facility)
            }

            let total = best.seconds + snap.leg / profile.speed
            return best.facility >= 0 && total <= limit ? .reached(seconds: total, facility: best.facility) : .unreached
        }
    }
}
