/// Travel times from the nearest of many facilities: one multi-source Dijkstra pass over a
/// `StreetGraph` (a `NetworkSearch`), in seconds at a profile's speeds, kept as per-node arrays.
///
/// Every snapped facility starts the search at both ends of its edge, with the time of its straight
/// leg plus the stretch of edge to that end; off-network facilities take no part. A node reached by
/// two facilities at exactly the same time goes to the lower facility index. With a cutoff, nodes
/// farther than it are left unreached, which is what makes a 15-minute pass over a province cheap.
///
/// For many small searches one after another (a service area per facility), run a `NetworkSearch`
/// again and again instead: it resets only what each run touched.
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
    /// Per road class (`graph.classNames`), metres per second.
    let classSpeed: [Double]

    public init(graph: StreetGraph, profile: TravelProfile, facilities: [SnapResult], cutoff: Double? = nil) {
        let search = NetworkSearch(graph: graph, profile: profile)
        search.run(from: facilities, cutoff: cutoff)
        self.graph = graph
        self.profile = profile
        self.facilities = facilities
        self.cutoff = cutoff
        classSpeed = search.classSpeed
        (nodeSeconds, nodeFacility) = search.takeNodeResults()
    }
}
