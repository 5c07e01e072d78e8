import LifeCircleGeometry
import LifeCircleNetwork

/// Travel along the street network: facilities and units snap to the nearest point of the nearest
/// street (the straight leg counts at the profile's speed), one multi-source shortest-path pass
/// gives every unit its nearest facility, and a unit is covered within the profile's minutes.
public struct NetworkAccess: AccessModel {
    public let graph: StreetGraph
    public let profile: TravelProfile
    /// Farther than this from every street, a point is off-network — reported, never snapped.
    public let maxSnapDistance: Double
    /// Half-width of the streets drawn as service circles, metres.
    public let circleBuffer: Double
    /// Built once: its index over every street is the costly part of snapping, and a run snaps
    /// several times (units, facilities, targets, circles).
    private let snapper: NetworkSnapper
    /// Searches from one site or facility at a time (coverage sets, service circles) on every core.
    private let searches: ParallelSearches

    public var method: String { "network" }

    public var networkReport: NetworkReport? { graph.report }

    public init(graph: StreetGraph, profile: TravelProfile, maxSnapDistance: Double = 500, circleBuffer: Double = 25) throws {
        self.graph = graph
        self.profile = profile
        self.maxSnapDistance = maxSnapDistance
        self.circleBuffer = circleBuffer
        snapper = try NetworkSnapper(graph, maxDistance: maxSnapDistance)
        searches = ParallelSearches(graph: graph, profile: profile)
    }

    public func covers(_ access: Access) -> Bool {
        access.seconds.map { $0 <= profile.seconds } ?? false
    }

    public func access(from facilities: [Coordinate], to units: [Coordinate]) throws -> [Access] {
        let times = NetworkTravelTimes(graph: graph, profile: profile, facilities: try snapper.snap(facilities))
        // With one speed, distance is time × speed; with speeds per road class it is not known from times.
        let singleSpeed = profile.speedByClass.isEmpty
        return times.travel(for: try snapper.snap(units)).map { travel in
            switch travel {
            case .reached(let seconds, let facility):
                Access(facility: facility, meters: singleSpeed ? seconds * profile.speed : nil, seconds: seconds)
            case .unreached:
                Access(facility: nil, meters: nil, seconds: nil, note: "no facility reachable on the network")
            case .offNetwork(let distance):
                Access(facility: nil, meters: nil, seconds: nil,
                       note: "off-network: \(Int(distance.rounded())) m from the nearest street (limit \(Int(maxSnapDistance)) m)")
            }
        }
    }

    public func coverageSets(from sites: [Coordinate], to units: [Coordinate]) throws -> [[Int]] {
        let unitSnaps = try snapper.snap(units)
        return try searches.map(try snapper.snap(sites), cutoff: profile.seconds) { _, search in
            let travel = search.travel(for: unitSnaps)
            return travel.indices.filter { if case .reached = travel[$0] { true } else { false } }
        }
    }

    public func serviceAreas(from facilities: [Coordinate]) throws -> [Geometry] {
        let snaps = try snapper.snap(facilities)
        return try ServiceAreas.polygons(searches, facilities: snaps, seconds: profile.seconds,
                                         drawing: ServiceAreas.Drawing(halfWidth: circleBuffer))
    }

    public func coverageArea(from facilities: [Coordinate]) throws -> Geometry {
        try ServiceAreas.merged(graph, profile: profile, facilities: try snapper.snap(facilities), seconds: profile.seconds,
                                drawing: ServiceAreas.Drawing(halfWidth: circleBuffer))
    }

    /// Facilities that cannot be placed on the network, with the reason: they serve no one.
    public func unplaceable(_ facilities: [Coordinate]) throws -> [(index: Int, note: String)] {
        try snapper.snap(facilities).enumerated().compactMap { i, result in
            guard case .offNetwork(let distance) = result else { return nil }
            return (i, "off-network: \(Int(distance.rounded())) m from the nearest street (limit \(Int(maxSnapDistance)) m)")
        }
    }
}
